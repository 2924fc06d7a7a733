import { Inject, Injectable, Logger } from '@nestjs/common';
import type { AnyEvent } from '@sunshine/contracts';
import { type CaseState, type ClockContext, clockDeadline, clockFactsOf, type ClockRecord, stepClocks } from '@sunshine/domain';
import { Clock, DeadlineContextSource } from '@sunshine/platform';
import type { EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';

import { SUPERVISION_CONFIG, type SupervisionConfig } from '../supervision-config';
import { ClockLedgerRepository } from './clock-ledger.repository';
import { clockRecordOf, type ClockRow, newClockRow } from './clock-row';
import { nextNoticeAt, noticesFor } from './due-time';
import { DueWakeScheduler } from './due-wake.scheduler';

/**
 * The deadline ledger: the domain's clocks of every case (stepClocks: started by the event the law names, stopped by
 * the fact they wait for, moved by extension, pause or a new unit) kept in a table, each with its due (clockDeadline)
 * recomputed on every change or a new calendar, and the notices it schedules.
 */
@Injectable()
export class ClockLedgerService {
  private readonly logger = new Logger(ClockLedgerService.name);

  constructor(
    @Inject(SUPERVISION_CONFIG) private readonly config: SupervisionConfig,
    private readonly repo: ClockLedgerRepository,
    private readonly deadlines: DeadlineContextSource,
    private readonly clock: Clock,
    private readonly wake: DueWakeScheduler,
  ) {}

  /** Applies one consumed case event (already folded into `after`) to the case's open clocks. */
  async onEvent(m: EntityManager, event: AnyEvent, after: CaseState): Promise<void> {
    if (!event.caseId) return;
    const open = await this.repo.open(m, event.caseId);
    const rows = new Map(open.map((r) => [r.id, r]));
    const ctx = this.context();
    const { records } = stepClocks(
      open.map(clockRecordOf),
      { id: event.id, type: event.type, occurredAt: event.occurredAt, payload: event.payload },
      clockFactsOf(after),
      ctx,
    );
    for (const record of records) {
      const row = rows.get(record.id);
      const saved = row ? await this.follow(m, event, row, record) : await this.insert(m, event, record, ctx);
      if (saved) this.wake.soon(saved.caseId, saved.id, saved.nextCheckAt);
    }
  }

  /** Recomputes an open clock's due instant and schedule (new calendar, extension, pause) and saves it. */
  async recompute(m: EntityManager, row: ClockRow): Promise<ClockRow> {
    const due = clockDeadline(row, this.context());
    const settled = await this.repo.settled(m, row.id, due.dueAt);
    const status = row.status === 'overdue' ? 'overdue' : due.paused ? 'paused' : 'running';
    const next = status === 'running' ? nextNoticeAt(this.notices(row.startAt, due.dueAt, row.warns), settled) : null;
    const updated: ClockRow = {
      ...row,
      extensionDays: due.extensionDays,
      dueAt: due.dueAt,
      lastDay: due.lastDay,
      provisional: due.provisional,
      unpublishedYears: due.unpublishedYears,
      status,
      nextCheckAt: next?.toISOString() ?? null,
    };
    await this.repo.save(m, updated);
    return updated;
  }

  private context(): ClockContext {
    return { ...this.deadlines.current(), asOf: this.clock.now() };
  }

  private notices(startAt: string, dueAt: string, warns: boolean) {
    return noticesFor({ dueAt: new Date(dueAt), startAt: new Date(startAt), warns }, this.config.warningLeadsMs);
  }

  /** Saves what the event did to an open row: stopped, or moved (unit, extension, pause); null when untouched. */
  private async follow(m: EntityManager, event: AnyEvent, row: ClockRow, record: ClockRecord): Promise<ClockRow | null> {
    if (record.status === 'satisfied' || record.status === 'ended') {
      await this.repo.stop(m, row.id, record.status, record.stoppedAt ?? event.occurredAt, event.id, record.late);
      return null;
    }
    // The domain hands back the row's own pauses unless an effect touched them.
    const moved = record.unitId !== row.unitId || record.extensionDays !== row.extensionDays || record.pauses !== row.pauses;
    if (!moved) return null;
    return this.recompute(m, { ...row, unitId: record.unitId, extensionDays: record.extensionDays, pauses: record.pauses });
  }

  /** Inserts a clock the event started (once per start event and kind), with its due and first notice. */
  private async insert(m: EntityManager, event: AnyEvent, record: ClockRecord, ctx: ClockContext): Promise<ClockRow | null> {
    let row: ClockRow;
    try {
      row = newClockRow(record, { id: uuidv7(), caseId: event.caseId ?? '', startEventType: event.type }, clockDeadline(record, ctx));
    } catch (error) {
      this.logger.error(`clock ${record.kind} of case ${event.caseId ?? '?'} not started: ${String(error)}`);
      return null;
    }
    const scheduled = {
      ...row,
      nextCheckAt: nextNoticeAt(this.notices(row.startAt, row.dueAt, row.warns), new Set())?.toISOString() ?? null,
    };
    return (await this.repo.insert(m, scheduled)) ? scheduled : null;
  }
}
