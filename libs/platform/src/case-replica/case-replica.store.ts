import { Injectable, Logger, Optional } from '@nestjs/common';
import { type AnyCaseEvent, EventCatalog, isEventType } from '@sunshine/contracts';
import {
  type CaseState,
  type CaseVisibilityFacts,
  caseVisibilityFacts,
  evolve,
  initialCaseState,
  type OrgDirectory,
  reviveCaseState,
} from '@sunshine/domain';
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

  /** Several cases in one query (lists), by id; a case the replica never saw is absent. */
  async readMany(m: EntityManager, caseIds: readonly string[]): Promise<Map<string, ReplicaCase>> {
    if (caseIds.length === 0) return new Map();
    const rows = await m.query<Array<Row & { case_id: string }>>(
      `SELECT case_id, ${ROW_COLUMNS} FROM case_replica WHERE case_id = ANY($1::uuid[])`,
      [[...new Set(caseIds)]],
    );
    return new Map(rows.map((r) => [r.case_id, replicaCaseOf(r, r.case_id)]));
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
    const [only] = events;
    if (events.length === 1 && only) return this.foldOne(m, caseId, only, start, options);
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

  /**
   * fold of one event (what the case-log consumer and most commands bring): the journal row and the case's row in one
   * statement — the case is written only if the journal took the event (a data-modifying WITH), so an event applied
   * before changes nothing, as in fold.
   */
  private async foldOne(
    m: EntityManager,
    caseId: string,
    event: AnyCaseEvent,
    start: ReplicaCase | null,
    options: FoldOptions,
  ): Promise<{ saved: ReplicaCase; changed: boolean }> {
    const before = start?.state ?? initialCaseState(caseId);
    const result = evolve(before, event);
    const revision = (start?.revision ?? 0) + (countsForRevision(event) ? 1 : 0);
    const facts = caseVisibilityFacts(result.state, options.directory ?? (await this.directory.current(m)));
    const written = await m.query<unknown[]>(
      `WITH journal AS (INSERT INTO case_replica_events (${JOURNAL_COLUMNS}) VALUES (${placeholders(23, 10)})
         ON CONFLICT (event_id) DO NOTHING RETURNING event_id)
       INSERT INTO case_replica (${REPLICA_COLUMNS.join(', ')}, updated_at) SELECT ${placeholders(1, 22)}, now()
       WHERE EXISTS (SELECT 1 FROM journal) ${REPLICA_UPSERT} RETURNING case_id`,
      [...this.replicaParams(caseId, result.state, revision, facts), ...journalParams(caseId, event, result.state)],
    );
    if (written.length === 0) {
      // Applied before. A case the replica never saw (its journal row without its case row) is saved empty, as fold does.
      return start ? { saved: start, changed: false } : { saved: await this.save(m, caseId, before, 0, options.directory), changed: false };
    }
    if (result.skipped) {
      this.skipped++;
      this.logger.warn(`skipped ${event.type} on ${caseId}: ${result.skipped.reason}`);
    }
    await this.reactions.run(m, { event, before, after: result.state });
    return { saved: { state: result.state, revision, facts }, changed: true };
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
    const rows = await m.query<Row[]>(`SELECT ${ROW_COLUMNS} FROM case_replica WHERE case_id = $1${lock ? ' FOR UPDATE' : ''}`, [caseId]);
    const r = rows[0];
    return r ? replicaCaseOf(r, caseId) : null;
  }

  private async journal(m: EntityManager, caseId: string, event: AnyCaseEvent, after: CaseState): Promise<boolean> {
    const inserted = await m.query<unknown[]>(
      `INSERT INTO case_replica_events (${JOURNAL_COLUMNS}) VALUES (${placeholders(1, 10)}) ON CONFLICT (event_id) DO NOTHING RETURNING event_id`,
      journalParams(caseId, event, after),
    );
    return inserted.length > 0;
  }

  private async save(m: EntityManager, caseId: string, state: CaseState, revision: number, known?: OrgDirectory): Promise<ReplicaCase> {
    const facts = caseVisibilityFacts(state, known ?? (await this.directory.current(m)));
    await m.query(
      `INSERT INTO case_replica (${REPLICA_COLUMNS.join(', ')}, updated_at) VALUES (${placeholders(1, 22)}, now()) ${REPLICA_UPSERT}`,
      this.replicaParams(caseId, state, revision, facts),
    );
    return { state, revision, facts };
  }

  /** The values of REPLICA_COLUMNS, in order, for the case as folded. */
  private replicaParams(caseId: string, state: CaseState, revision: number, facts: CaseVisibilityFacts): unknown[] {
    const due = this.due?.dueOf(state) ?? null;
    return [
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
    ];
  }
}

/**
 * The revision clients act on moves with every fact a clerk acts on (intake's and routing's events), not with
 * supervision's warnings or notification's receipts, so a deadline warning never makes a clerk's action fail.
 */
export function countsForRevision(event: AnyCaseEvent): boolean {
  return isEventType(event.type) && ['intake', 'routing'].includes(EventCatalog[event.type].producer);
}

/** The case row's columns (besides updated_at), in the order of replicaParams. */
const REPLICA_COLUMNS = [
  'case_id',
  'case_number',
  'status',
  'stage',
  'type',
  'category',
  'place_code',
  'receiving_unit_id',
  'holding_unit_id',
  'held_by',
  'state',
  'version',
  'revision',
  'confidential',
  'accused_unit_id',
  'accused_division',
  'involved_units',
  'territory_codes',
  'discipline_divisions',
  'due_at',
  'due_provisional',
  'registered_at',
] as const;

const REPLICA_UPSERT = `ON CONFLICT (case_id) DO UPDATE SET ${REPLICA_COLUMNS.slice(1)
  .map((c) => `${c} = EXCLUDED.${c}`)
  .join(', ')}, updated_at = now()`;

const JOURNAL_COLUMNS = 'event_id, case_id, type, producer, actor_unit_id, payload, status_after, stage, holding_unit_id, occurred_at';

/** The values of JOURNAL_COLUMNS for an event applied to the case, `after` being the case once it is. */
function journalParams(caseId: string, event: AnyCaseEvent, after: CaseState): unknown[] {
  return [
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
  ];
}

/** `$from, $from+1, …` (count of them). */
function placeholders(from: number, count: number): string {
  return Array.from({ length: count }, (_, i) => `$${from + i}`).join(', ');
}

const ROW_COLUMNS =
  'state, revision, confidential, accused_unit_id, accused_division, receiving_unit_id, involved_units, territory_codes, discipline_divisions';

function replicaCaseOf(r: Row, caseId: string): ReplicaCase {
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
