import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Routing reads every case from the platform's case replica (`case_replica`, `case_replica_events`, created by
 * CaseReplica1764600000000): its own projection (`cases`, `case_events`) goes, and with it the foreign keys of the
 * tables that hang off a case. What routing still derives for itself is the dispatch desk a case waits at
 * (`routing_desk`, kept by a reaction from the replica's state). An existing deployment rebuilds the replica by
 * replaying the case log (docs/architecture.md, "Case replica").
 */
export class RoutingCaseReplica1764610000000 implements MigrationInterface {
  name = 'RoutingCaseReplica1764610000000';

  async up(q: QueryRunner): Promise<void> {
    for (const table of ['dispatches', 'replies', 'case_documents']) {
      await q.query(`ALTER TABLE ${table} DROP CONSTRAINT IF EXISTS ${table}_case_id_fkey`);
    }
    await q.query(`DROP TABLE case_events`);
    await q.query(`DROP TABLE cases`);
    // One dispatch record per case.dispatched: recording an event twice (a replayed log) is a no-op.
    await q.query(`CREATE UNIQUE INDEX dispatches_event ON dispatches (event_id)`);
    await q.query(`CREATE TABLE routing_desk (
      case_id uuid PRIMARY KEY,
      unit_id text NOT NULL,
      reason text NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX routing_desk_unit ON routing_desk (unit_id)`);
    // The reactions ask whether the replica applied everything routing emitted for a case (a replay catching up).
    await q.query(`CREATE INDEX outbox_message_key ON outbox (message_key)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX outbox_message_key`);
    await q.query(`DROP TABLE routing_desk`);
    await q.query(`DROP INDEX dispatches_event`);
    // The old projection comes back empty (replay the case log to fill it); the foreign keys are not restored.
    await q.query(`CREATE TABLE cases (
      case_id uuid PRIMARY KEY, case_number text, status text, stage text NOT NULL, type text, category text, place_code char(12),
      holding_unit_id text, held_by text[] NOT NULL DEFAULT '{}', accused_unit_id text, state jsonb NOT NULL, version int NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now(), revision int NOT NULL DEFAULT 0, territory_codes text[] NOT NULL DEFAULT '{}',
      involved_units text[] NOT NULL DEFAULT '{}', assisting_unit_ids text[] NOT NULL DEFAULT '{}', registered_at timestamptz,
      due_at timestamptz, desk_unit_id text, desk_reason text, objected_twice boolean NOT NULL DEFAULT false)`);
    await q.query(`CREATE TABLE case_events (
      event_id uuid PRIMARY KEY, case_id uuid NOT NULL REFERENCES cases(case_id), type text NOT NULL, producer text NOT NULL,
      payload jsonb NOT NULL, occurred_at timestamptz NOT NULL)`);
    // The indexes the earlier migrations' down steps drop.
    await q.query(`CREATE INDEX cases_held_by ON cases USING gin (held_by)`);
    await q.query(`CREATE INDEX cases_holding ON cases (holding_unit_id, status)`);
    await q.query(`CREATE INDEX cases_territory ON cases USING gin (territory_codes)`);
    await q.query(`CREATE INDEX cases_involved ON cases USING gin (involved_units)`);
    await q.query(`CREATE INDEX cases_assisting ON cases USING gin (assisting_unit_ids)`);
    await q.query(`CREATE INDEX cases_desk ON cases (desk_unit_id) WHERE desk_unit_id IS NOT NULL`);
    await q.query(`CREATE INDEX cases_due ON cases (due_at)`);
    await q.query(`CREATE INDEX case_events_case ON case_events (case_id, occurred_at)`);
  }
}
