import { dropTables, sqlMigration } from '@sunshine/platform';

/** The city view's own tables, as this migration creates them (SupervisionCaseReplica1764610000000 drops them; its down restores them). */
export const CASE_VIEW_TABLES = [
  `CREATE TABLE case_views (
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
      updated_at timestamptz NOT NULL)`,
  `CREATE INDEX case_views_territory ON case_views USING gin (territory_codes)`,
  `CREATE INDEX case_views_status ON case_views (status, stage)`,
  `CREATE TABLE case_timeline (
      seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      case_id uuid NOT NULL,
      event_id uuid NOT NULL UNIQUE,
      type text NOT NULL,
      producer text NOT NULL,
      status_after text,
      stage text NOT NULL,
      holding_unit_id text,
      occurred_at timestamptz NOT NULL)`,
  `CREATE INDEX case_timeline_case ON case_timeline (case_id, seq)`,
];

/** The city-level case view (every case, folded from the case log) and each case's timeline. */
export const SupervisionInitial1763820000000 = sqlMigration('SupervisionInitial1763820000000', {
  up: CASE_VIEW_TABLES,
  down: dropTables('case_timeline', 'case_views'),
});
