import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The city view's own copy of each case (`case_views`, `case_timeline`) gives way to the shared case replica
 * (`case_replica`, `case_replica_events`: CASE_REPLICA_MIGRATIONS). An existing deployment rebuilds the replica by
 * replaying the case log (docs/architecture.md, "Case replica").
 */
export class SupervisionCaseReplica1764610000000 implements MigrationInterface {
  name = 'SupervisionCaseReplica1764610000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS case_timeline`);
    await q.query(`DROP TABLE IF EXISTS case_views`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE case_views (
      case_id uuid PRIMARY KEY,
      case_number text,
      status text,
      stage text NOT NULL,
      type text,
      category text,
      place_code char(12),
      holding_unit_id text,
      held_by text[] NOT NULL DEFAULT '{}',
      accused_unit_id text,
      territory_codes text[] NOT NULL DEFAULT '{}',
      state jsonb NOT NULL,
      version int NOT NULL,
      updated_at timestamptz NOT NULL,
      registered_at timestamptz)`);
    await q.query(`CREATE INDEX case_views_territory ON case_views USING gin (territory_codes)`);
    await q.query(`CREATE INDEX case_views_status ON case_views (status, stage)`);
    await q.query(`CREATE INDEX case_views_open_age ON case_views (registered_at) WHERE status NOT IN ('closed', 'finalized', 'withdrawn')`);
    await q.query(`CREATE TABLE case_timeline (
      seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      case_id uuid NOT NULL,
      event_id uuid NOT NULL UNIQUE,
      type text NOT NULL,
      producer text NOT NULL,
      status_after text,
      stage text NOT NULL,
      holding_unit_id text,
      occurred_at timestamptz NOT NULL)`);
    await q.query(`CREATE INDEX case_timeline_case ON case_timeline (case_id, seq)`);
  }
}
