import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CaseCommand } from '@sunshine/domain';
import { CaseEmitter, CaseReplicaStore, Clock } from '@sunshine/platform';
import type { DataSource, EntityManager } from 'typeorm';

import { SUPERVISION_CONFIG, type SupervisionConfig } from '../supervision-config';
import { ClockLedgerRepository } from './clock-ledger.repository';
import type { ClockRow, ClockStatus } from './clock-row';
import { evaluateNotices, type Notice, noticesFor } from './due-time';
import { DueWakeScheduler } from './due-wake.scheduler';

const BATCH = 200;
/** A scan evaluates at most this many batches; the rest waits for the next scan. */
const MAX_BATCHES = 50;
const SYSTEM = { kind: 'system' as const, id: 'supervision-clock' };

/**
 * The due check: evaluates the ledger against the platform Clock and raises each notice once (warning before the
 * end, overdue or window-expired at it) through the outbox. Woken by BullMQ (a repeatable scan, plus delayed jobs near
 * an instant); safe to run anywhere at any time: every case is evaluated under its replica row lock, and a notice
 * is recorded once per clock, notice and due instant.
 */
@Injectable()
export class DueCheckService {
  private readonly logger = new Logger(DueCheckService.name);
  /** Completed scans (tests wait for one to pass after moving the clock). */
  scans = 0;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(SUPERVISION_CONFIG) private readonly config: SupervisionConfig,
    private readonly repo: ClockLedgerRepository,
    private readonly cases: CaseReplicaStore,
    private readonly emitter: CaseEmitter,
    private readonly wake: DueWakeScheduler,
    private readonly clock: Clock,
  ) {}

  /** Evaluates every case with a notice due now, then schedules wake-ups for the notices of the next scans. */
  async scan(): Promise<number> {
    const now = this.clock.now();
    let raised = 0;
    const seen = new Set<string>();
    for (let batch = 0; batch < MAX_BATCHES; batch++) {
      const due = (await this.repo.casesDue(this.dataSource.manager, now, BATCH + seen.size)).filter((id) => !seen.has(id));
      for (const caseId of due) {
        seen.add(caseId);
        try {
          raised += await this.checkCase(caseId, now);
        } catch (error) {
          // One case must not hold up the others: it is evaluated again on the next scan.
          this.logger.error(`due check of case ${caseId} failed: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      if (due.length < BATCH) break;
    }
    const upcoming = await this.repo.upcoming(this.dataSource.manager, now, new Date(now.getTime() + this.wake.lookaheadMs), 1000);
    for (const u of upcoming) this.wake.soon(u.caseId, u.id, u.at);
    this.scans++;
    return raised;
  }

  /** Evaluates one case's due clocks in one transaction; returns the events raised. */
  async checkCase(caseId: string, now: Date = this.clock.now()): Promise<number> {
    const raised = await this.dataSource.transaction(async (m) => {
      if (!(await this.cases.lock(m, caseId))) return 0;
      let count = 0;
      for (const clock of await this.repo.dueOf(m, caseId, now)) count += await this.evaluate(m, clock, now);
      return count;
    });
    if (raised > 0) this.emitter.poke();
    return raised;
  }

  private async evaluate(m: EntityManager, clock: ClockRow, now: Date): Promise<number> {
    const notices = noticesFor(
      { dueAt: new Date(clock.dueAt), startAt: new Date(clock.startAt), warns: clock.warns },
      this.config.warningLeadsMs,
    );
    const settled = await this.repo.settled(m, clock.id, clock.dueAt);
    const { steps, nextCheckAt } = evaluateNotices(notices, settled, now);
    let raised = 0;
    let status: ClockStatus = clock.status;
    for (const { notice, action } of steps) {
      const outcome = action === 'raise' ? await this.raise(m, clock, notice) : { eventId: null, note: 'due passed before the warning' };
      const recorded = await this.repo.recordNotice(m, {
        clockId: clock.id,
        notice: notice.key,
        dueAt: clock.dueAt,
        scheduledAt: notice.at,
        raisedAt: now,
        emitted: outcome.eventId !== null,
        eventId: outcome.eventId,
        note: outcome.note,
      });
      if (recorded && outcome.eventId !== null) raised++;
      if (notice.kind === 'due') status = clock.onDue === 'overdue' ? 'overdue' : clock.onDue === 'lapse' ? 'lapsed' : 'expired';
    }
    if (status === 'lapsed' || status === 'expired') {
      await this.repo.stop(m, clock.id, status, now.toISOString(), null, null);
    } else {
      await this.repo.save(m, { ...clock, status, nextCheckAt: nextCheckAt?.toISOString() ?? null });
    }
    return raised;
  }

  /** Emits the notice's event on the case as the replica holds it now (folded at once; supervision's reactions run). */
  private async raise(m: EntityManager, clock: ClockRow, notice: Notice): Promise<{ eventId: string | null; note: string | null }> {
    const command = this.commandFor(clock, notice);
    if (command === null) return { eventId: null, note: 'lapsed: no event for this clock' };
    const current = await this.cases.read(m, clock.caseId);
    const result = await this.emitter.attempt(m, clock.caseId, current, command, { actor: SYSTEM });
    if (!result.ok) {
      this.logger.log(`case ${clock.caseId}: ${clock.kind} ${notice.key} not raised: ${result.error.code}`);
      return { eventId: null, note: `refused: ${result.error.code}` };
    }
    return { eventId: result.events[0]?.id ?? null, note: null };
  }

  private commandFor(clock: ClockRow, notice: Notice): CaseCommand | null {
    const facts = { clock: clock.kind, stage: clock.stage, unitId: clock.unitId, dueAt: clock.dueAt, article: clock.article };
    if (notice.kind === 'warning') return { name: 'warn-deadline', payload: facts };
    if (clock.onDue === 'overdue') return { name: 'mark-overdue', payload: facts };
    if (clock.onDue === 'window-expired' && clock.windowName !== null) {
      return { name: 'expire-window', payload: { window: clock.windowName, stage: clock.stage, unitId: clock.unitId, dueAt: clock.dueAt } };
    }
    return null;
  }
}
