import { Param } from '@nestjs/common';
import {
  CityLevel,
  Roles,
  Staff,
  StaffController,
  type StaffPrincipal,
  StaffRoute,
  ZodBody,
  ZodQuery,
  ZodResponse,
} from '@sunshine/platform';

import { uuidParam } from '../http/params';
import {
  parkedUpstreamAnswer,
  reconciliationAnswer,
  type ReconciliationDto,
  reconciliationSchema,
  storedReconciliationsAnswer,
  type UpstreamDeliveryQuery,
  upstreamDeliveryQuerySchema,
  type UpstreamExport,
  upstreamExportAnswer,
  type UpstreamExportQuery,
  upstreamExportQuerySchema,
  type UpstreamReplayDto,
  upstreamReplayedAnswer,
  upstreamReplaySchema,
} from './upstream.dto';
import { type ParkedUpstreamDelivery, UpstreamDeliveryOps, type UpstreamDeliveryReplayed } from './upstream-delivery.ops';
import { UpstreamExportService } from './upstream-export.service';
import type { ReconciliationReport } from './upstream-reconcile';
import { type StoredReconciliation, UpstreamReconciliationScheduler } from './upstream-reconciliation.scheduler';

/**
 * Ops: the day's export for the provincial petition system, the reconciliation of its acknowledgement, and the change
 * stream's messages the upstream kept refusing (parked): list them, replay one with a reason.
 */
@Roles({ code: 'OPS_ONLY' }, 'ops')
@CityLevel({ zh: '上报与对账', en: 'upstream export and reconciliation' })
@StaffController('ops/upstream', 'ops')
export class UpstreamController {
  constructor(
    private readonly upstream: UpstreamExportService,
    private readonly deliveries: UpstreamDeliveryOps,
    private readonly daily: UpstreamReconciliationScheduler,
  ) {}

  @StaffRoute('GET', 'export', {
    summary: '日报导出 The day’s cases for the provincial system (no personal data, no text, never an accusation)',
  })
  @ZodResponse(upstreamExportAnswer)
  export(@ZodQuery(upstreamExportQuerySchema) q: UpstreamExportQuery): Promise<UpstreamExport> {
    return this.upstream.export(q.day);
  }

  @StaffRoute('POST', 'reconciliation', {
    status: 200,
    summary: '对账 Compare the upstream’s acknowledgement of a day: missing, unknown, other unit or status, counts by unit × status',
  })
  @ZodResponse(reconciliationAnswer)
  reconcile(@ZodBody(reconciliationSchema) dto: ReconciliationDto): Promise<ReconciliationReport> {
    return this.upstream.reconcile(dto);
  }

  @StaffRoute('GET', 'reconciliations', {
    summary: '每日对账报告 The daily run’s stored reports (the day before, reconciled by itself), newest first',
  })
  @ZodResponse(storedReconciliationsAnswer)
  reconciliations(): Promise<StoredReconciliation[]> {
    return this.daily.stored();
  }

  @StaffRoute('GET', 'deliveries', { summary: '搁置的上报消息 Parked upstream messages (refused too often), oldest first' })
  @ZodResponse(parkedUpstreamAnswer)
  deliveriesOf(@ZodQuery(upstreamDeliveryQuerySchema) q: UpstreamDeliveryQuery): Promise<ParkedUpstreamDelivery[]> {
    return this.deliveries.list(q.status);
  }

  @StaffRoute('POST', 'deliveries/:id/replay', {
    status: 200,
    summary: '重新发送搁置的上报消息（须说明理由并留痕） Replay a parked upstream message with a reason, recorded',
  })
  @ZodResponse(upstreamReplayedAnswer)
  replay(
    @Param('id', uuidParam()) id: string,
    @ZodBody(upstreamReplaySchema) dto: UpstreamReplayDto,
    @Staff() staff: StaffPrincipal,
  ): Promise<UpstreamDeliveryReplayed> {
    return this.deliveries.replay(id, dto.reason, staff.subject);
  }
}
