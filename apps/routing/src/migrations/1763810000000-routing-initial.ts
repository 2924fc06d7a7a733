import { dropTables, sqlMigration } from '@sunshine/platform';

/** Routing's own case projection and its indexes, as this migration creates them (RoutingCaseReplica1764610000000 drops it; its down restores it). */
export const CASES_TABLE = [
  `CREATE TABLE cases (
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
      updated_at timestamptz NOT NULL DEFAULT now())`,
  `CREATE INDEX cases_held_by ON cases USING gin (held_by)`,
  `CREATE INDEX cases_holding ON cases (holding_unit_id, status)`,
];

/** The organisation directory (routing owns it), routing's case state, and every dispatch with its rule and reasons. */
export const RoutingInitial1763810000000 = sqlMigration('RoutingInitial1763810000000', {
  up: [
    `CREATE TABLE org_units (
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
      updated_at timestamptz NOT NULL DEFAULT now())`,
    `CREATE INDEX org_units_division ON org_units (division_code)`,
    ...CASES_TABLE,
    `CREATE TABLE dispatches (
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
      created_at timestamptz NOT NULL DEFAULT now())`,
    `CREATE INDEX dispatches_case ON dispatches (case_id, hop)`,
  ],
  down: dropTables('dispatches', 'cases', 'org_units'),
});
