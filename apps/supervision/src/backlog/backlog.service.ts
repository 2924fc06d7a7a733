import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Actor, AnyEvent, Reason } from '@sunshine/contracts';
import { type CaseState, TERMINAL_STATUSES } from '@sunshine/domain';
import { CaseEmitter, CaseReplicaStore, Clock, decisionException, type ReplicaCase } from '@sunshine/platform';
import type { DataSource, EntityManager } from 'typeorm';

import { SUPERVISION_CONFIG, type SupervisionConfig } from '../supervision-config';

const DAY_MS = 86_400_000;
const POLICY: Actor = { kind: 'system', id: 'backlog-policy' };

export interface BacklogEntry {
  readonly unitId: string;
  readonly reason: Reason;
  readonly plan?: string;
  readonly planDueDate?: string;
  readonly by: string;
  readonly actor: Actor;
}

/**
 * The backlog register (积案): cases unresolved longer than the configured age (the seeds: 3 years), or registered by a
 * bureau, each with a plan and a responsible unit. 不化解不销号: a case leaves the register only when it is resolved
 * (closed, finalized, or withdrawn by the petitioner), never by hand.
 */
@Injectable()
export class BacklogService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(SUPERVISION_CONFIG) private readonly config: SupervisionConfig,
    private readonly cases: CaseReplicaStore,
    private readonly emitter: CaseEmitter,
    private readonly clock: Clock,
  ) {}

  /** Registers every open case older than the configured age that is not on the register yet. */
  async scan(): Promise<number> {
    const cutoff = new Date(this.clock.now().getTime() - this.config.backlogAgeDays * DAY_MS);
    const rows = await this.dataSource.query<Array<{ case_id: string }>>(
      `SELECT v.case_id FROM case_replica v WHERE v.status NOT IN ('closed', 'finalized', 'withdrawn') AND v.registered_at <= $1
         AND NOT EXISTS (SELECT 1 FROM backlog_cases b WHERE b.case_id = v.case_id) ORDER BY v.registered_at LIMIT 100`,
      [cutoff],
    );
    let registered = 0;
    for (const { case_id } of rows) {
      const done = await this.dataSource.transaction(async (m) => {
        const current = await this.cases.lock(m, case_id);
        const unitId = current?.state.holdingUnitId;
        if (!current || !unitId) return false;
        const years = Math.round((this.config.backlogAgeDays / 365) * 10) / 10;
        return this.register(m, current, {
          unitId,
          reason: { code: 'age-exceeded', text: `登记超过${years}年未化解` },
          by: POLICY.id,
          actor: POLICY,
        });
      });
      if (done) registered++;
    }
    if (registered > 0) this.emitter.poke();
    return registered;
  }

  /** Puts a case (its replica row locked by the caller) on the register; false when it is already there or refused. */
  async register(m: EntityManager, current: ReplicaCase, entry: BacklogEntry): Promise<boolean> {
    const caseId = current.state.caseId ?? '';
    const existing = await m.query<Array<{ status: string }>>(`SELECT status FROM backlog_cases WHERE case_id = $1 FOR UPDATE`, [caseId]);
    if (existing[0]?.status === 'registered') return false;
    const result = await this.emitter.attempt(
      m,
      caseId,
      current,
      { name: 'register-backlog', payload: { unitId: entry.unitId, reason: entry.reason } },
      {
        actor: entry.actor,
      },
    );
    if (!result.ok) {
      if (entry.actor.kind === 'system') return false;
      throw decisionException(result.error);
    }
    const now = this.clock.now();
    await m.query(
      `INSERT INTO backlog_cases (case_id, unit_id, status, reason_code, plan, plan_due_date, plan_updated_at, registered_by, registered_at)
       VALUES ($1, $2, 'registered', $3, $4, $5, $6, $7, $8)
       ON CONFLICT (case_id) DO UPDATE SET unit_id = $2, status = 'registered', reason_code = $3, plan = $4, plan_due_date = $5,
         plan_updated_at = $6, registered_by = $7, registered_at = $8, cleared_at = NULL, cleared_reason = NULL`,
      [caseId, entry.unitId, entry.reason.code, entry.plan ?? null, entry.planDueDate ?? null, entry.plan ? now : null, entry.by, now],
    );
    return true;
  }

  /** A consumed event that resolved a registered case takes it off the register (case.backlog-cleared). */
  async onEvent(m: EntityManager, event: AnyEvent, after: CaseState): Promise<void> {
    if (!after.status || !TERMINAL_STATUSES.includes(after.status) || !after.flags.backlog || !event.caseId) return;
    const [row] = await m.query<Array<{ unit_id: string; status: string }>>(
      `SELECT unit_id, status FROM backlog_cases WHERE case_id = $1 FOR UPDATE`,
      [event.caseId],
    );
    if (!row || row.status !== 'registered') return;
    const code = after.status === 'withdrawn' ? 'withdrawn' : 'resolved';
    const current = await this.cases.read(m, event.caseId);
    const result = await this.emitter.attempt(
      m,
      event.caseId,
      current,
      { name: 'clear-backlog', payload: { unitId: row.unit_id, reason: { code, text: '已化解销号' } } },
      {
        actor: POLICY,
        causedBy: { id: event.id, correlationId: event.correlationId },
      },
    );
    if (!result.ok) return;
    await m.query(`UPDATE backlog_cases SET status = 'cleared', cleared_at = $2, cleared_reason = $3 WHERE case_id = $1`, [
      event.caseId,
      this.clock.now(),
      code,
    ]);
  }
}
