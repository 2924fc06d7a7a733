import { dropTables, sqlMigration } from '../database/sql-migration';

/**
 * The case replica, in the schema of each service that keeps one: the shared fold of each case (libs/domain
 * `evolve`), the columns lists query, the visibility facts the one rule reads (libs/domain case-visibility), and the
 * journal of applied events (the case's history; also what makes applying an event twice a no-op).
 */
export const CaseReplica1764600000000 = sqlMigration('CaseReplica1764600000000', {
  up: [
    `CREATE TABLE case_replica (
      case_id uuid PRIMARY KEY,
      case_number text,
      status text,
      stage text NOT NULL,
      type text,
      category text,
      place_code text,
      receiving_unit_id text,
      holding_unit_id text,
      held_by text[] NOT NULL DEFAULT '{}',
      state jsonb NOT NULL,
      version int NOT NULL,
      revision int NOT NULL DEFAULT 0,
      confidential boolean NOT NULL DEFAULT false,
      accused_unit_id text,
      accused_division text,
      involved_units text[] NOT NULL DEFAULT '{}',
      territory_codes text[] NOT NULL DEFAULT '{}',
      discipline_divisions text[] NOT NULL DEFAULT '{}',
      due_at timestamptz,
      due_provisional boolean NOT NULL DEFAULT false,
      registered_at timestamptz,
      updated_at timestamptz NOT NULL DEFAULT now())`,
    `CREATE INDEX case_replica_holder ON case_replica (holding_unit_id, status)`,
    `CREATE INDEX case_replica_territory ON case_replica USING gin (territory_codes)`,
    `CREATE INDEX case_replica_involved ON case_replica USING gin (involved_units)`,
    `CREATE INDEX case_replica_registered ON case_replica (registered_at DESC, case_id)`,
    `CREATE TABLE case_replica_events (
      event_id uuid PRIMARY KEY,
      case_id uuid NOT NULL,
      seq bigserial NOT NULL,
      type text NOT NULL,
      producer text NOT NULL,
      actor_unit_id text,
      payload jsonb NOT NULL,
      status_after text,
      stage text,
      holding_unit_id text,
      occurred_at timestamptz NOT NULL)`,
    `CREATE INDEX case_replica_events_case ON case_replica_events (case_id, seq)`,
  ],
  down: dropTables('case_replica_events', 'case_replica'),
});
