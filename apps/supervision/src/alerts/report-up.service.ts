import { Injectable } from '@nestjs/common';
import type { Actor, Reason, UrgentMatterKind } from '@sunshine/contracts';
import type { CaseState } from '@sunshine/domain';
import { DirectoryReplicaService } from '@sunshine/platform';
import type { EntityManager } from 'typeorm';
import { SupervisingBureauService } from '../orders/supervising-bureau.service';
import { CaseEmitter, type EmitResult } from '../shared/case-emitter.service';
import { divisionOfUnit } from '../shared/jurisdiction';
import { AlertWriter } from './alert-writer.service';

/**
 * 重大紧急信访事项 (《信访工作条例》第25条): reported at once to the same-level party committee and government and, by the
 * bureau, to the bureau of the level above (case.reported-up), and raised as a major early warning.
 */
@Injectable()
export class ReportUpService {
  constructor(
    private readonly directory: DirectoryReplicaService,
    private readonly bureaus: SupervisingBureauService,
    private readonly emitter: CaseEmitter,
    private readonly alerts: AlertWriter,
  ) {}

  /** Whom `unitId` reports to: its level's party committee and government, and the bureau above. */
  async recipientsOf(unitId: string): Promise<string[]> {
    const division = (await this.directory.unit(unitId))?.divisionCode ?? divisionOfUnit(unitId);
    const candidates = division ? [`${division}:party-committee`, `${division}:government`] : [];
    const recipients: string[] = [];
    for (const id of candidates) if (id !== unitId && (await this.directory.unit(id))) recipients.push(id);
    const above = (await this.bureaus.isBureau(unitId)) ? await this.bureaus.parentBureauOf(unitId) : await this.bureaus.supervisorOf(unitId);
    if (above) recipients.push(above);
    return recipients;
  }

  async report(
    m: EntityManager,
    state: CaseState,
    r: { unitId: string; kind: UrgentMatterKind; reason: Reason; actor: Actor; causedBy?: { id: string; correlationId: string } },
  ): Promise<EmitResult | { ok: false; error: null }> {
    const toUnitIds = await this.recipientsOf(r.unitId);
    if (toUnitIds.length === 0) return { ok: false, error: null };
    const result = await this.emitter.emit(m, state, { name: 'report-up', payload: { unitId: r.unitId, toUnitIds, kind: r.kind, reason: r.reason } }, {
      actor: r.actor,
      unitId: r.unitId,
      causedBy: r.causedBy,
    });
    if (result.ok && state.caseId && state.placeCode) {
      await this.alerts.raise(
        m,
        { kind: 'urgent-matter', level: 'major', divisionCode: state.placeCode, count: state.headCount, threshold: 1, caseIds: [state.caseId], ...(state.category ? { category: state.category } : {}) },
        `urgent:${state.caseId}:${result.events[0]?.id ?? ''}`,
        r.causedBy,
      );
    }
    return result;
  }
}
