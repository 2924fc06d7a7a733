import { dropTables, sqlMigration } from '@sunshine/platform';

/** The case's registration time, for the backlog's age (积案) (SupervisionCaseReplica1764610000000's down restores it). */
export const CASE_VIEWS_REGISTERED_AT = [
  `ALTER TABLE case_views ADD COLUMN registered_at timestamptz`,
  `CREATE INDEX case_views_open_age ON case_views (registered_at) WHERE status NOT IN ('closed', 'finalized', 'withdrawn')`,
];

/**
 * The deadline ledger (the one truth of every clock of the domain), the notices raised from it (each once per clock,
 * notice and due instant), and the holiday arrangements ops loaded on top of the bundled calendar.
 */
export const SupervisionLedger1763840000000 = sqlMigration('SupervisionLedger1763840000000', {
  up: [
    `CREATE TABLE deadline_clocks (
      id uuid PRIMARY KEY,
      case_id uuid NOT NULL,
      kind text NOT NULL,
      stage text NOT NULL,
      unit_id text NOT NULL,
      subject text,
      article text NOT NULL,
      start_event_id uuid NOT NULL,
      start_event_type text NOT NULL,
      start_at timestamptz NOT NULL,
      given_due_at timestamptz,
      extension_days int NOT NULL DEFAULT 0,
      pauses jsonb NOT NULL DEFAULT '[]',
      division_code text,
      on_due text NOT NULL,
      window_name text,
      warns boolean NOT NULL,
      due_at timestamptz NOT NULL,
      last_day text NOT NULL,
      provisional boolean NOT NULL DEFAULT false,
      unpublished_years int[] NOT NULL DEFAULT '{}',
      status text NOT NULL,
      late boolean,
      next_check_at timestamptz,
      stopped_at timestamptz,
      stop_event_id uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (start_event_id, kind))`,
    `CREATE INDEX deadline_clocks_next_check ON deadline_clocks (next_check_at) WHERE next_check_at IS NOT NULL`,
    `CREATE INDEX deadline_clocks_case ON deadline_clocks (case_id)`,
    `CREATE INDEX deadline_clocks_open ON deadline_clocks (status, due_at) WHERE status IN ('running', 'paused', 'overdue')`,
    `CREATE TABLE clock_notices (
      clock_id uuid NOT NULL REFERENCES deadline_clocks (id),
      notice text NOT NULL,
      due_at timestamptz NOT NULL,
      scheduled_at timestamptz NOT NULL,
      raised_at timestamptz NOT NULL,
      emitted boolean NOT NULL,
      event_id uuid,
      note text,
      PRIMARY KEY (clock_id, notice, due_at))`,
    `CREATE TABLE calendar_arrangements (
      year int PRIMARY KEY,
      holidays text[] NOT NULL,
      workdays text[] NOT NULL,
      source text,
      loaded_by text NOT NULL,
      loaded_at timestamptz NOT NULL)`,
    ...CASE_VIEWS_REGISTERED_AT,
  ],
  down: [
    `DROP INDEX case_views_open_age`,
    `ALTER TABLE case_views DROP COLUMN registered_at`,
    ...dropTables('calendar_arrangements', 'clock_notices', 'deadline_clocks'),
  ],
});
