import { dropTables, sqlMigration } from '@sunshine/platform';

/** The columns and indexes this migration adds to routing's case projection (RoutingCaseReplica1764610000000's down restores them). */
export const CASES_WORKFLOW_COLUMNS = [
  `ALTER TABLE cases
      ADD COLUMN revision int NOT NULL DEFAULT 0,
      ADD COLUMN territory_codes text[] NOT NULL DEFAULT '{}',
      ADD COLUMN involved_units text[] NOT NULL DEFAULT '{}',
      ADD COLUMN assisting_unit_ids text[] NOT NULL DEFAULT '{}',
      ADD COLUMN registered_at timestamptz,
      ADD COLUMN due_at timestamptz,
      ADD COLUMN desk_unit_id text,
      ADD COLUMN desk_reason text,
      ADD COLUMN objected_twice boolean NOT NULL DEFAULT false`,
  `CREATE INDEX cases_territory ON cases USING gin (territory_codes)`,
  `CREATE INDEX cases_involved ON cases USING gin (involved_units)`,
  `CREATE INDEX cases_assisting ON cases USING gin (assisting_unit_ids)`,
  `CREATE INDEX cases_desk ON cases (desk_unit_id) WHERE desk_unit_id IS NOT NULL`,
  `CREATE INDEX cases_due ON cases (due_at)`,
];

/** Every event applied to a case, routing's and others' (facts only, as on the case log): reasons a clerk reads. */
export const CASE_EVENTS_TABLE = [
  `CREATE TABLE case_events (
      event_id uuid PRIMARY KEY,
      case_id uuid NOT NULL REFERENCES cases(case_id),
      type text NOT NULL,
      producer text NOT NULL,
      payload jsonb NOT NULL,
      occurred_at timestamptz NOT NULL)`,
  `CREATE INDEX case_events_case ON case_events (case_id, occurred_at)`,
];

/**
 * The unit's work on a case: visibility and desk columns on the case projection, the reply's text (drafted, then
 * approved by the head), numbered documents, versioned routing rule sets, and staff users with their unit.
 */
export const RoutingWorkflow1763830000000 = sqlMigration('RoutingWorkflow1763830000000', {
  up: [
    ...CASES_WORKFLOW_COLUMNS,
    ...CASE_EVENTS_TABLE,
    `CREATE TABLE replies (
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
      served_method text)`,
    `CREATE UNIQUE INDEX replies_one_per_stage ON replies (case_id, stage)`,
    `CREATE TABLE case_documents (
      id uuid PRIMARY KEY,
      case_id uuid NOT NULL REFERENCES cases(case_id),
      stage text NOT NULL,
      kind text NOT NULL,
      number text NOT NULL UNIQUE,
      unit_id text NOT NULL,
      event_id uuid,
      body jsonb NOT NULL,
      issued_at timestamptz NOT NULL)`,
    `CREATE INDEX case_documents_case ON case_documents (case_id, issued_at)`,
    `CREATE TABLE document_counters (
      unit_id text NOT NULL,
      kind text NOT NULL,
      year int NOT NULL,
      last int NOT NULL,
      PRIMARY KEY (unit_id, kind, year))`,
    `CREATE TABLE routing_rule_sets (
      id text NOT NULL,
      version int NOT NULL,
      rules jsonb NOT NULL,
      active boolean NOT NULL DEFAULT false,
      note text,
      created_by text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      activated_by text,
      activated_at timestamptz,
      PRIMARY KEY (id, version))`,
    `CREATE UNIQUE INDEX routing_rule_sets_one_active ON routing_rule_sets ((true)) WHERE active`,
    `CREATE TABLE staff_users (
      subject text PRIMARY KEY,
      unit_id text NOT NULL REFERENCES org_units(id),
      roles text[] NOT NULL,
      active boolean NOT NULL DEFAULT true,
      updated_by text NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now())`,
    `CREATE INDEX staff_users_unit ON staff_users (unit_id)`,
  ],
  down: [
    ...dropTables('staff_users', 'routing_rule_sets', 'document_counters', 'case_documents', 'replies', 'case_events'),
    ...['cases_territory', 'cases_involved', 'cases_assisting', 'cases_desk', 'cases_due'].map((i) => `DROP INDEX ${i}`),
    `ALTER TABLE cases
      DROP COLUMN revision, DROP COLUMN territory_codes, DROP COLUMN involved_units, DROP COLUMN assisting_unit_ids,
      DROP COLUMN registered_at, DROP COLUMN due_at, DROP COLUMN desk_unit_id, DROP COLUMN desk_reason, DROP COLUMN objected_twice`,
  ],
});
