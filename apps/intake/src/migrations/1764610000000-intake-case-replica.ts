import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Intake keeps its cases in the platform's case replica (`case_replica`, `case_replica_events`, created by
 * CASE_REPLICA_MIGRATIONS): its own projection `case_projections` goes. An existing deployment rebuilds the replica by
 * replaying the case log (docs/architecture.md, "Case replica").
 */
export class IntakeCaseReplica1764610000000 implements MigrationInterface {
  name = 'IntakeCaseReplica1764610000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS case_projections`);
  }

  async down(q: QueryRunner): Promise<void> {
    // The old table comes back empty: it was a projection, rebuilt from the case log.
    await q.query(`CREATE TABLE case_projections (
      case_id uuid PRIMARY KEY,
      case_number text,
      status text,
      stage text NOT NULL,
      holding_unit_id text,
      held_by text[] NOT NULL DEFAULT '{}',
      state jsonb NOT NULL,
      version int NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now())`);
  }
}
