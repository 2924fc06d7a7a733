import { Inject, Injectable, Logger } from '@nestjs/common';
import type { AnyEvent } from '@sunshine/contracts';
import { clockEffects, clockRuleFor, isLate, type CaseState, type ClockEffect, type ClockPause } from '@sunshine/domain';
import { Clock } from '@sunshine/platform';
import type { EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { SUPERVISION_CONFIG, type SupervisionConfig } from '../supervision-config';
import { runningClockOf, type ClockRow } from './clock-row';
import { ClockLedgerRepository } from './clock-ledger.repository';
import { computeDue, nextNoticeAt, noticesFor } from './due-time';
import { DueWakeScheduler } from './due-wake.scheduler';
import { WorkingCalendarService } from './working-calendar.service';

/**
 * The deadline ledger: every clock of the domain, started by the event the law names and stopped by the fact it
 * waits for (libs/domain's clock rules), with its due instant recomputed on extension, pause or a new calendar.
 */
@Injectable()
export class ClockLedgerService {
  private readonly logger = new Logger(ClockLedgerService.name);

  constructor(
    @Inject(SUPERVISION_CONFIG) private readonly config: SupervisionConfig,
    private readonly repo: ClockLedgerRepository,
    private readonly calendars: WorkingCalendarService,
    private readonly clock: Clock,
    private readonly wake: DueWakeScheduler,
  ) {}

  /** Applies one consumed case event (already folded into `after`) to the case's clocks. */
  async onEvent(m: EntityManager, event: AnyEvent, after: CaseState): Promise<void> {
    if (!event.caseId) return;
    const open = await this.repo.open(m, event.caseId);
    const effects = clockEffects(
      { type: event.type, occurredAt: event.occurredAt, payload: event.payload },
      after,
      open.map(runningClockOf),
      { policies: this.config.policies, divisionCode: after.placeCode ?? undefined },
    );
    const rows = new Map(open.map((c) => [c.id, c]));
    const changed = new Map<string, ClockRow>();
    for (const effect of effects) {
      if (effect.op === 'start') {
        const row = await this.start(m, event, after, effect);
        if (row) changed.set(row.id, row);
        continue;
      }
      const row = changed.get(effect.clockId) ?? rows.get(effect.clockId);
      if (!row) continue;
      if (effect.op === 'stop') {
        const late = effect.reason === 'satisfied' ? isLate(event.occurredAt, row) : null;
        await this.repo.stop(m, row.id, effect.reason === 'satisfied' ? 'satisfied' : 'ended', event.occurredAt, event.id, late);
        changed.delete(row.id);
        rows.delete(row.id);
      } else {
        changed.set(row.id, await this.adjust(m, row, effect));
      }
    }
    for (const row of changed.values()) this.wake.soon(row.caseId, row.id, row.nextCheckAt);
  }

  /** Recomputes an open clock's due instant and schedule (new calendar, extension, pause) and saves it. */
  async recompute(m: EntityManager, row: ClockRow): Promise<ClockRow> {
    const now = this.clock.now();
    const due = computeDue(row, { calendar: this.calendars.current(), policies: this.config.policies, now });
    const settled = await this.repo.settled(m, row.id, due.dueAt);
    const status = row.status === 'overdue' ? 'overdue' : due.paused ? 'paused' : 'running';
    const next =
      status === 'running' ? nextNoticeAt(noticesFor({ dueAt: new Date(due.dueAt), startAt: new Date(row.startAt), warns: row.warns }, this.config.warningLeadsMs), settled) : null;
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

  private async adjust(m: EntityManager, row: ClockRow, effect: Exclude<ClockEffect, { op: 'start' | 'stop' }>): Promise<ClockRow> {
    if (effect.op === 'retarget') return this.recompute(m, { ...row, unitId: effect.unitId });
    if (effect.op === 'extend') return this.recompute(m, { ...row, extensionDays: row.extensionDays + effect.days });
    const pauses: ClockPause[] = [...row.pauses];
    if (effect.edge === 'start') {
      if (!pauses.some((p) => p.kind === effect.pause && p.to === undefined)) pauses.push({ kind: effect.pause, from: effect.at });
    } else {
      const index = pauses.findIndex((p) => p.kind === effect.pause && p.to === undefined);
      const open = pauses[index];
      if (open) pauses[index] = { ...open, to: effect.at };
    }
    return this.recompute(m, { ...row, pauses });
  }

  private async start(
    m: EntityManager,
    event: AnyEvent,
    state: CaseState,
    effect: Extract<ClockEffect, { op: 'start' }>,
  ): Promise<ClockRow | null> {
    const rule = clockRuleFor(effect.spec.kind);
    const base = {
      kind: effect.spec.kind,
      startAt: new Date(effect.startAt).toISOString(),
      givenDueAt: effect.dueAt === null ? null : new Date(effect.dueAt).toISOString(),
      extensionDays: 0,
      pauses: [] as ClockPause[],
      divisionCode: state.placeCode,
    };
    let due;
    try {
      due = computeDue(base, { calendar: this.calendars.current(), policies: this.config.policies, now: this.clock.now() });
    } catch (error) {
      this.logger.error(`clock ${effect.spec.kind} of case ${event.caseId ?? '?'} not started: ${String(error)}`);
      return null;
    }
    const row: ClockRow = {
      ...base,
      id: uuidv7(),
      caseId: event.caseId ?? '',
      stage: effect.stage,
      unitId: effect.unitId,
      subject: effect.subject,
      article: effect.spec.article,
      startEventId: event.id,
      startEventType: event.type,
      onDue: rule.onDue.kind,
      windowName: rule.onDue.kind === 'window-expired' ? rule.onDue.window : null,
      warns: rule.warns,
      dueAt: due.dueAt,
      lastDay: due.lastDay,
      provisional: due.provisional,
      unpublishedYears: due.unpublishedYears,
      status: 'running',
      late: null,
      nextCheckAt: null,
      stoppedAt: null,
    };
    const notices = noticesFor({ dueAt: new Date(row.dueAt), startAt: new Date(row.startAt), warns: row.warns }, this.config.warningLeadsMs);
    const withSchedule = { ...row, nextCheckAt: nextNoticeAt(notices, new Set())?.toISOString() ?? null };
    return (await this.repo.insert(m, withSchedule)) ? withSchedule : null;
  }
}
