import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The organisation directory (routing owns it), routing's case state, and every dispatch with its rule and reasons. */
export class RoutingInitial1763810000000 implements MigrationInterface {
  name = 'RoutingInitial1763810000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE org_units (
      id text PRIMARY KEY,
      name text NOT NULL,
      kind text NOT NULL,
      division_code char(12) NOT NULL,
      level text NOT NULL,
      parent_id text,
      territory_path text[] NOT NULL,
      competences text[] NOT NULL DEFAULT '{}',
      non_administrative boolean NOT NULL DEFAULT false,
      revision int NOT NULL,
      retired boolean NOT NULL DEFAULT false,
      updated_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX org_units_division ON org_units (division_code)`);
    await q.query(`CREATE TABLE cases (
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
      state jsonb NOT NULL,
      version int NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX cases_held_by ON cases USING gin (held_by)`);
    await q.query(`CREATE INDEX cases_holding ON cases (holding_unit_id, status)`);
    await q.query(`CREATE TABLE dispatches (
      id uuid PRIMARY KEY,
      case_id uuid NOT NULL REFERENCES cases(case_id),
      event_id uuid NOT NULL,
      hop int NOT NULL,
      stage text NOT NULL,
      from_unit_id text NOT NULL,
      to_unit_id text NOT NULL,
      mode text NOT NULL,
      rule_id text NOT NULL,
      rule_version int NOT NULL,
      reasons jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX dispatches_case ON dispatches (case_id, hop)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['dispatches', 'cases', 'org_units']) await q.query(`DROP TABLE ${t}`);
  }
}
