import { Injectable } from '@nestjs/common';
import type { Actor, Reason, UrgentMatterKind } from '@sunshine/contracts';
import { CaseEmitter, type Emission, OrgDirectorySource, type ReplicaCase } from '@sunshine/platform';
import type { EntityManager } from 'typeorm';

import { SupervisingBureauService } from '../orders/supervising-bureau.service';
import { AlertWriter } from './alert-writer.service';

/**
 * 重大紧急信访事项 (《信访工作条例》第25条): reported at once to the same-level party committee and government and, by the
 * bureau, to the bureau of the level above (case.reported-up), and raised as a major early warning.
 */
@Injectable()
export class ReportUpService {
  constructor(
    private readonly directory: OrgDirectorySource,
    private readonly bureaus: SupervisingBureauService,
    private readonly emitter: CaseEmitter,
    private readonly alerts: AlertWriter,
  ) {}

  /** Whom `unitId` reports to: its level's party committee and government, and the bureau above (from the directory). */
  async recipientsOf(unitId: string, m?: EntityManager): Promise<string[]> {
    const directory = await this.directory.current(m);
    const division = directory.get(unitId)?.divisionCode;
    if (!division) return [];
    const recipients = ['party-committee', 'government']
      .map((kind) => directory.find(division, kind)?.id)
      .filter((id): id is string => id !== undefined && id !== unitId);
    const above = (await this.bureaus.isBureau(unitId, m))
      ? await this.bureaus.parentBureauOf(unitId, m)
      : await this.bureaus.supervisorOf(unitId, m);
    if (above) recipients.push(above);
    return recipients;
  }

  /** Reports the case (its replica row locked by the caller: `current`) up; a refusal of decide is returned. */
  async report(
    m: EntityManager,
    current: ReplicaCase,
    r: { unitId: string; kind: UrgentMatterKind; reason: Reason; actor: Actor; causedBy?: { id: string; correlationId: string } },
  ): Promise<Emission | { ok: false; error: null }> {
    const toUnitIds = await this.recipientsOf(r.unitId, m);
    if (toUnitIds.length === 0) return { ok: false, error: null };
    const state = current.state;
    const result = await this.emitter.attempt(
      m,
      state.caseId ?? '',
      current,
      { name: 'report-up', payload: { unitId: r.unitId, toUnitIds, kind: r.kind, reason: r.reason } },
      {
        actor: r.actor,
        causedBy: r.causedBy,
      },
    );
    if (result.ok && state.caseId && state.placeCode) {
      await this.alerts.raise(
        m,
        {
          kind: 'urgent-matter',
          level: 'major',
          divisionCode: state.placeCode,
          count: state.headCount,
          threshold: 1,
          caseIds: [state.caseId],
          ...(state.category ? { category: state.category } : {}),
        },
        `urgent:${state.caseId}:${result.events[0]?.id ?? ''}`,
        r.causedBy,
      );
    }
    return result;
  }
}
