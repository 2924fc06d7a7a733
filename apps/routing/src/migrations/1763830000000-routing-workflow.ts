import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The unit's work on a case: visibility and desk columns on the case projection, the reply's text (drafted, then
 * approved by the head), numbered documents, versioned routing rule sets, and staff users with their unit.
 */
export class RoutingWorkflow1763830000000 implements MigrationInterface {
  name = 'RoutingWorkflow1763830000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE cases
      ADD COLUMN revision int NOT NULL DEFAULT 0,
      ADD COLUMN territory_codes text[] NOT NULL DEFAULT '{}',
      ADD COLUMN involved_units text[] NOT NULL DEFAULT '{}',
      ADD COLUMN assisting_unit_ids text[] NOT NULL DEFAULT '{}',
      ADD COLUMN registered_at timestamptz,
      ADD COLUMN due_at timestamptz,
      ADD COLUMN desk_unit_id text,
      ADD COLUMN desk_reason text,
      ADD COLUMN objected_twice boolean NOT NULL DEFAULT false`);
    await q.query(`CREATE INDEX cases_territory ON cases USING gin (territory_codes)`);
    await q.query(`CREATE INDEX cases_involved ON cases USING gin (involved_units)`);
    await q.query(`CREATE INDEX cases_assisting ON cases USING gin (assisting_unit_ids)`);
    await q.query(`CREATE INDEX cases_desk ON cases (desk_unit_id) WHERE desk_unit_id IS NOT NULL`);
    await q.query(`CREATE INDEX cases_due ON cases (due_at)`);
    // Every event applied to a case, routing's and others' (facts only, as on the case log): reasons a clerk reads.
    await q.query(`CREATE TABLE case_events (
      event_id uuid PRIMARY KEY,
      case_id uuid NOT NULL REFERENCES cases(case_id),
      type text NOT NULL,
      producer text NOT NULL,
      payload jsonb NOT NULL,
      occurred_at timestamptz NOT NULL)`);
    await q.query(`CREATE INDEX case_events_case ON case_events (case_id, occurred_at)`);
    await q.query(`CREATE TABLE replies (
      id uuid PRIMARY KEY,
      case_id uuid NOT NULL REFERENCES cases(case_id),
      stage text NOT NULL,
      unit_id text NOT NULL,
      status text NOT NULL CHECK (status IN ('draft', 'approved')),
      outcome text NOT NULL,
      text text NOT NULL,
      attachments jsonb NOT NULL DEFAULT '[]',
      drafted_by text NOT NULL,
      drafted_at timestamptz NOT NULL,
      approved_by text,
      approved_at timestamptz,
      event_id uuid,
      served_at timestamptz,
      served_method text)`);
    await q.query(`CREATE UNIQUE INDEX replies_one_per_stage ON replies (case_id, stage)`);
    await q.query(`CREATE TABLE case_documents (
      id uuid PRIMARY KEY,
      case_id uuid NOT NULL REFERENCES cases(case_id),
      stage text NOT NULL,
      kind text NOT NULL,
      number text NOT NULL UNIQUE,
      unit_id text NOT NULL,
      event_id uuid,
      body jsonb NOT NULL,
      issued_at timestamptz NOT NULL)`);
    await q.query(`CREATE INDEX case_documents_case ON case_documents (case_id, issued_at)`);
    await q.query(`CREATE TABLE document_counters (
      unit_id text NOT NULL,
      kind text NOT NULL,
      year int NOT NULL,
      last int NOT NULL,
      PRIMARY KEY (unit_id, kind, year))`);
    await q.query(`CREATE TABLE routing_rule_sets (
      id text NOT NULL,
      version int NOT NULL,
      rules jsonb NOT NULL,
      active boolean NOT NULL DEFAULT false,
      note text,
      created_by text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      activated_by text,
      activated_at timestamptz,
      PRIMARY KEY (id, version))`);
    await q.query(`CREATE UNIQUE INDEX routing_rule_sets_one_active ON routing_rule_sets ((true)) WHERE active`);
    await q.query(`CREATE TABLE staff_users (
      subject text PRIMARY KEY,
      unit_id text NOT NULL REFERENCES org_units(id),
      roles text[] NOT NULL,
      active boolean NOT NULL DEFAULT true,
      updated_by text NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX staff_users_unit ON staff_users (unit_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['staff_users', 'routing_rule_sets', 'document_counters', 'case_documents', 'replies', 'case_events']) {
      await q.query(`DROP TABLE ${t}`);
    }
    for (const i of ['cases_territory', 'cases_involved', 'cases_assisting', 'cases_desk', 'cases_due']) await q.query(`DROP INDEX ${i}`);
    await q.query(`ALTER TABLE cases
      DROP COLUMN revision, DROP COLUMN territory_codes, DROP COLUMN involved_units, DROP COLUMN assisting_unit_ids,
      DROP COLUMN registered_at, DROP COLUMN due_at, DROP COLUMN desk_unit_id, DROP COLUMN desk_reason, DROP COLUMN objected_twice`);
  }
}
