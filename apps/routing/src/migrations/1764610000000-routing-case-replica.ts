import { sqlMigration } from '@sunshine/platform';

import { CASES_TABLE } from './1763810000000-routing-initial';
import { CASE_EVENTS_TABLE, CASES_WORKFLOW_COLUMNS } from './1763830000000-routing-workflow';

/**
 * Routing reads every case from the platform's case replica (`case_replica`, `case_replica_events`, created by
 * CaseReplica1764600000000): its own projection (`cases`, `case_events`) goes, and with it the foreign keys of the
 * tables that hang off a case. What routing still derives for itself is the dispatch desk a case waits at
 * (`routing_desk`, kept by a reaction from the replica's state). An existing deployment rebuilds the replica by
 * replaying the case log (docs/architecture.md, "Case replica").
 */
export const RoutingCaseReplica1764610000000 = sqlMigration('RoutingCaseReplica1764610000000', {
  up: [
    ...['dispatches', 'replies', 'case_documents'].map((table) => `ALTER TABLE ${table} DROP CONSTRAINT IF EXISTS ${table}_case_id_fkey`),
    `DROP TABLE case_events`,
    `DROP TABLE cases`,
    // One dispatch record per case.dispatched: recording an event twice (a replayed log) is a no-op.
    `CREATE UNIQUE INDEX dispatches_event ON dispatches (event_id)`,
    `CREATE TABLE routing_desk (
      case_id uuid PRIMARY KEY,
      unit_id text NOT NULL,
      reason text NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now())`,
    `CREATE INDEX routing_desk_unit ON routing_desk (unit_id)`,
    // The reactions ask whether the replica applied everything routing emitted for a case (a replay catching up).
    `CREATE INDEX outbox_message_key ON outbox (message_key)`,
  ],
  down: [
    `DROP INDEX outbox_message_key`,
    `DROP TABLE routing_desk`,
    `DROP INDEX dispatches_event`,
    // The old projection comes back empty (replay the case log to fill it), as the earlier migrations built it; the
    // foreign keys of the tables that hang off a case are not restored.
    ...CASES_TABLE,
    ...CASES_WORKFLOW_COLUMNS,
    ...CASE_EVENTS_TABLE,
  ],
});
