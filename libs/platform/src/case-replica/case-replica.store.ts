import { Injectable, Logger, Optional } from '@nestjs/common';
import { type AnyCaseEvent, EventCatalog, isEventType } from '@sunshine/contracts';
import { type CaseState, caseVisibilityFacts, evolve, initialCaseState, type OrgDirectory, reviveCaseState } from '@sunshine/domain';
import type { EntityManager } from 'typeorm';

import { OrgDirectorySource } from '../directory/org-directory.source';
import { CaseDueResolver } from './case-due.resolver';
import { CaseReactions } from './case-reactions';
import type { CaseChange, ReplicaCase } from './replica-case';

interface Row {
  state: unknown;
  revision: number;
  confidential: boolean;
  accused_unit_id: string | null;
  accused_division: string | null;
  receiving_unit_id: string | null;
  involved_units: string[];
  territory_codes: string[];
  discipline_divisions: string[];
}

export interface FoldOptions {
  /** The directory the caller already read in this transaction (else read here). */
  readonly directory?: OrgDirectory;
  /** false: return the case as folded, without reading it back after the reactions. */
  readonly readBack?: boolean;
}

/** One entry of a case's history, as the replica journal keeps it. */
export interface CaseHistoryEntry {
  readonly eventId: string;
  readonly type: string;
  readonly producer: string;
  readonly actorUnitId: string | null;
  readonly payload: unknown;
  readonly statusAfter: string | null;
  readonly stage: string | null;
  readonly holdingUnitId: string | null;
  readonly occurredAt: string;
}

/**
 * Every service's copy of each case: the shared tolerant fold (evolve), locked FOR UPDATE while a command is decided so
 * two clerks on one case are serialised. Applying an event records it in the journal first: an event applied before
 * (emitted here, then consumed back) is never applied twice.
 */
@Injectable()
export class CaseReplicaStore {
  private readonly logger = new Logger(CaseReplicaStore.name);
  skipped = 0;

  constructor(
    private readonly directory: OrgDirectorySource,
    private readonly reactions: CaseReactions,
    @Optional() private readonly due?: CaseDueResolver,
  ) {}

  /** The case locked for this transaction, or null when the replica never saw it. */
  lock(m: EntityManager, caseId: string): Promise<ReplicaCase | null> {
    return this.select(m, caseId, true);
  }

  read(m: EntityManager, caseId: string): Promise<ReplicaCase | null> {
    return this.select(m, caseId, false);
  }

  /**
   * Applies events to the case (from `from`, else the locked row, else the empty case), saves it with its derived
   * columns, then runs the service's reactions for each event newly applied. Returns the case after them.
   * `from`: `undefined` = not read yet (locked here); `null` = the caller looked and the replica has no such case (a
   * new case: nothing to lock). `options.directory`: the directory the caller already read in this transaction;
   * `options.readBack: false`: the caller needs no answer after the reactions (the case as folded is returned).
   */
  async apply(
    m: EntityManager,
    caseId: string,
    events: readonly AnyCaseEvent[],
    from?: ReplicaCase | null,
    options: FoldOptions = {},
  ): Promise<ReplicaCase> {
    const { saved, changed } = await this.fold(m, caseId, events, from, options);
    return changed && options.readBack !== false ? ((await this.read(m, caseId)) ?? saved) : saved;
  }

  /**
   * apply without reading the case back after the reactions (the case-log consumer needs no answer): `saved` is the
   * case as folded, `changed` whether any event was newly applied.
   */
  async fold(
    m: EntityManager,
    caseId: string,
    events: readonly AnyCaseEvent[],
    from?: ReplicaCase | null,
    options: FoldOptions = {},
  ): Promise<{ saved: ReplicaCase; changed: boolean }> {
    const start = from === undefined ? await this.lock(m, caseId) : from;
    let state = start?.state ?? initialCaseState(caseId);
    const changes: Array<CaseChange<AnyCaseEvent>> = [];
    for (const event of events) {
      const before = state;
      const result = evolve(state, event);
      // An event applied before (emitted here, then consumed back: its journal row exists) is not folded again, nor
      // reported as skipped.
      if (!(await this.journal(m, caseId, event, result.state))) continue;
      if (result.skipped) {
        this.skipped++;
        this.logger.warn(`skipped ${event.type} on ${caseId}: ${result.skipped.reason}`);
      }
      state = result.state;
      changes.push({ event, before, after: state });
    }
    if (changes.length === 0 && start) return { saved: start, changed: false };
    const revision = (start?.revision ?? 0) + changes.filter((c) => countsForRevision(c.event)).length;
    const saved = await this.save(m, caseId, state, revision, options.directory);
    for (const change of changes) await this.reactions.run(m, change);
    return { saved, changed: changes.length > 0 };
  }

  /** The case's applied events in order (its history). */
  async history(m: EntityManager, caseId: string, types?: readonly string[]): Promise<CaseHistoryEntry[]> {
    const rows = await m.query<Array<Record<string, unknown>>>(
      `SELECT event_id, type, producer, actor_unit_id, payload, status_after, stage, holding_unit_id, occurred_at
         FROM case_replica_events WHERE case_id = $1 AND ($2::text[] IS NULL OR type = ANY($2)) ORDER BY seq`,
      [caseId, types ? [...types] : null],
    );
    return rows.map((r) => ({
      eventId: String(r['event_id']),
      type: String(r['type']),
      producer: String(r['producer']),
      actorUnitId: (r['actor_unit_id'] as string | null) ?? null,
      payload: r['payload'],
      statusAfter: (r['status_after'] as string | null) ?? null,
      stage: (r['stage'] as string | null) ?? null,
      holdingUnitId: (r['holding_unit_id'] as string | null) ?? null,
      occurredAt: new Date(r['occurred_at'] as string).toISOString(),
    }));
  }

  /** Recomputes the stored due of open cases (a new calendar or policy arrived); returns how many moved. */
  async refreshDues(m: EntityManager, onlyProvisional = true): Promise<number> {
    if (!this.due) return 0;
    const rows = await m.query<Array<{ case_id: string; state: unknown; due_at: Date | null }>>(
      `SELECT case_id, state, due_at FROM case_replica WHERE due_at IS NOT NULL ${onlyProvisional ? 'AND due_provisional' : ''}`,
    );
    let moved = 0;
    for (const row of rows) {
      const due = this.due.dueOf(reviveCaseState(row.state, row.case_id));
      await m.query(`UPDATE case_replica SET due_at = $2, due_provisional = $3 WHERE case_id = $1`, [
        row.case_id,
        due?.dueAt ?? null,
        due?.provisional ?? false,
      ]);
      if ((due?.dueAt ?? null) !== (row.due_at ? new Date(row.due_at).toISOString() : null)) moved++;
    }
    return moved;
  }

  private async select(m: EntityManager, caseId: string, lock: boolean): Promise<ReplicaCase | null> {
    const rows = await m.query<Row[]>(
      `SELECT state, revision, confidential, accused_unit_id, accused_division, receiving_unit_id, involved_units, territory_codes,
         discipline_divisions FROM case_replica WHERE case_id = $1${lock ? ' FOR UPDATE' : ''}`,
      [caseId],
    );
    const r = rows[0];
    if (!r) return null;
    return {
      state: reviveCaseState(r.state, caseId),
      revision: Number(r.revision),
      facts: {
        confidential: r.confidential,
        accusedUnitId: r.accused_unit_id,
        accusedDivision: r.accused_division,
        registeredBy: r.receiving_unit_id,
        involvedUnits: r.involved_units,
        territoryCodes: r.territory_codes,
        disciplineDivisions: r.discipline_divisions,
      },
    };
  }

  private async journal(m: EntityManager, caseId: string, event: AnyCaseEvent, after: CaseState): Promise<boolean> {
    const inserted = await m.query<unknown[]>(
      `INSERT INTO case_replica_events (event_id, case_id, type, producer, actor_unit_id, payload, status_after, stage, holding_unit_id, occurred_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (event_id) DO NOTHING RETURNING event_id`,
      [
        event.id,
        caseId,
        event.type,
        event.producer,
        event.actor.unitId ?? null,
        JSON.stringify(event.payload ?? {}),
        after.status,
        after.stage,
        after.holdingUnitId,
        event.occurredAt,
      ],
    );
    return inserted.length > 0;
  }

  private async save(m: EntityManager, caseId: string, state: CaseState, revision: number, known?: OrgDirectory): Promise<ReplicaCase> {
    const facts = caseVisibilityFacts(state, known ?? (await this.directory.current(m)));
    const due = this.due?.dueOf(state) ?? null;
    await m.query(
      `INSERT INTO case_replica (case_id, case_number, status, stage, type, category, place_code, receiving_unit_id, holding_unit_id, held_by,
         state, version, revision, confidential, accused_unit_id, accused_division, involved_units, territory_codes, discipline_divisions,
         due_at, due_provisional, registered_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, now())
       ON CONFLICT (case_id) DO UPDATE SET case_number = $2, status = $3, stage = $4, type = $5, category = $6, place_code = $7,
         receiving_unit_id = $8, holding_unit_id = $9, held_by = $10, state = $11, version = $12, revision = $13, confidential = $14,
         accused_unit_id = $15, accused_division = $16, involved_units = $17, territory_codes = $18, discipline_divisions = $19,
         due_at = $20, due_provisional = $21, registered_at = $22, updated_at = now()`,
      [
        caseId,
        state.caseNumber,
        state.status,
        state.stage,
        state.type,
        state.category,
        state.placeCode,
        state.receivingUnitId,
        state.holdingUnitId,
        [...state.heldBy],
        JSON.stringify(state),
        state.version,
        revision,
        facts.confidential,
        facts.accusedUnitId,
        facts.accusedDivision,
        [...facts.involvedUnits],
        [...facts.territoryCodes],
        [...facts.disciplineDivisions],
        due?.dueAt ?? null,
        due?.provisional ?? false,
        state.registeredAt,
      ],
    );
    return { state, revision, facts };
  }
}

/**
 * The revision clients act on moves with every fact a clerk acts on (intake's and routing's events), not with
 * supervision's warnings or notification's receipts, so a deadline warning never makes a clerk's action fail.
 */
export function countsForRevision(event: AnyCaseEvent): boolean {
  return isEventType(event.type) && ['intake', 'routing'].includes(EventCatalog[event.type].producer);
}
