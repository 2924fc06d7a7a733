import { CityLevel, Roles, StaffController, StaffRoute, ZodBody, ZodQuery, ZodResponse } from '@sunshine/platform';

import {
  reconciliationAnswer,
  type ReconciliationDto,
  reconciliationSchema,
  type UpstreamExport,
  upstreamExportAnswer,
  type UpstreamExportQuery,
  upstreamExportQuerySchema,
} from './upstream.dto';
import { UpstreamExportService } from './upstream-export.service';
import type { ReconciliationReport } from './upstream-reconcile';

/** Ops: the day's export for the provincial petition system, and the reconciliation of its acknowledgement. */
@Roles({ code: 'OPS_ONLY' }, 'ops')
@CityLevel({ zh: '上报与对账', en: 'upstream export and reconciliation' })
@StaffController('ops/upstream', 'ops')
export class UpstreamController {
  constructor(private readonly upstream: UpstreamExportService) {}

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
}
