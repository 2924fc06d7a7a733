import { Inject, Injectable } from '@nestjs/common';
import type { EventOf } from '@sunshine/contracts';
import {
  type CaseState,
  jurisdictionOf,
  kpiPeriodOf,
  longestDissatisfiedRun,
  ratingKept,
  shanghaiDateOf,
  shanghaiEndOfDay,
  shanghaiStartOfDay,
  STAFF_FLAG_STREAK,
} from '@sunshine/domain';
import { CaseReplicaStore, newEvent, OrgDirectorySource, OutboxWriter } from '@sunshine/platform';
import type { EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';

/** Whether a new flag is announced (`evaluation.staff-flagged`): not when projections are rebuilt into a fresh schema. */
export const STAFF_FLAGS_ANNOUNCED = Symbol('STAFF_FLAGS_ANNOUNCED');

interface RatingRow {
  case_id: string;
  score: 'satisfied' | 'basically-satisfied' | 'dissatisfied';
}

/**
 * 满意度评议: each handling-unit rating is recorded against the staff member who handled the stage (the last handler
 * the unit's head named in it); two or more consecutive 不满意 within a quarter (in the order they were given) flag them:
 * the flag holds the quarter's longest run, and is announced once, when first raised.
 */
@Injectable()
export class StaffFlagService {
  constructor(
    private readonly replica: CaseReplicaStore,
    private readonly directory: OrgDirectorySource,
    private readonly outbox: OutboxWriter,
    @Inject(STAFF_FLAGS_ANNOUNCED) private readonly announce: boolean,
  ) {}

  async onRated(m: EntityManager, event: EventOf<'petition.rated'>, after: CaseState): Promise<void> {
    const p = event.payload;
    if (p.subject !== 'handling-unit' || !event.caseId || !ratingKept(after, p)) return;
    const handlers = (await this.replica.history(m, event.caseId, ['case.handler-assigned'])).filter((h) => h.stage === p.stage);
    const handler = handlers[handlers.length - 1];
    if (!handler) return;
    const staffId = String((handler.payload as { handlerId: string }).handlerId);
    const unitId = String((handler.payload as { unitId: string }).unitId);
    // One staff member's ratings are recorded and their run counted one transaction at a time: ratings of different
    // cases arrive on different partitions, applied side by side, and two transactions that each counted without the
    // other's uncommitted rating left a flag short of one (a rebuild gave streak 2 where live had 3). The second waits
    // here, then reads the first's rating (READ COMMITTED: each statement sees what committed before it).
    await m.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`sunshine.staff-ratings|${staffId}`]);
    await m.query(
      `INSERT INTO staff_ratings (case_id, stage, staff_id, unit_id, rated_at, score) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (case_id, stage) DO UPDATE SET staff_id = $3, unit_id = $4, rated_at = $5, score = $6`,
      [event.caseId, p.stage, staffId, unitId, event.occurredAt, p.score],
    );
    await this.flagIfStreak(m, event, after, staffId, unitId);
  }

  private async flagIfStreak(
    m: EntityManager,
    event: EventOf<'petition.rated'>,
    after: CaseState,
    staffId: string,
    unitId: string,
  ): Promise<void> {
    const quarter = kpiPeriodOf('quarter', shanghaiDateOf(event.occurredAt));
    const ratings = await m.query<RatingRow[]>(
      `SELECT case_id, score FROM staff_ratings WHERE staff_id = $1 AND rated_at >= $2 AND rated_at < $3 ORDER BY rated_at, case_id`,
      [staffId, shanghaiStartOfDay(quarter.from), shanghaiEndOfDay(quarter.to)],
    );
    const run = longestDissatisfiedRun(ratings);
    // The flag is the quarter's longest run whatever order the ratings arrived in (a rebuild gives the same flag).
    if (run.length < STAFF_FLAG_STREAK) {
      await m.query(`DELETE FROM staff_flags WHERE staff_id = $1 AND quarter = $2`, [staffId, quarter.label]);
      return;
    }
    const flagId = uuidv7();
    const caseIds = run.map((r) => r.case_id);
    const [row] = await m.query<Array<{ inserted: boolean }>>(
      `INSERT INTO staff_flags (id, staff_id, unit_id, quarter, period_from, period_to, streak, case_ids, flagged_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (staff_id, quarter) DO UPDATE SET unit_id = $3, streak = $7, case_ids = $8 RETURNING (xmax = 0) AS inserted`,
      [flagId, staffId, unitId, quarter.label, quarter.from, quarter.to, run.length, caseIds, event.occurredAt],
    );
    // Announced once per staff member and quarter, when first flagged.
    if (!row?.inserted || !this.announce) return;
    const flagged = newEvent(
      'evaluation.staff-flagged',
      {
        flagId,
        staffId,
        unitId,
        quarter: { kind: 'quarter', label: quarter.label, from: quarter.from, to: quarter.to },
        streak: run.length,
        caseIds,
      },
      {
        jurisdiction: jurisdictionOf(after, await this.directory.current(m), { unitId }),
        actor: { kind: 'system', id: 'evaluation' },
        causedBy: event,
        occurredAt: new Date(event.occurredAt),
      },
    );
    await this.outbox.append(m, flagged, unitId);
  }
}
