import { sqlMigration } from '@sunshine/platform';

import { CASE_VIEW_TABLES } from './1763820000000-supervision-initial';
import { CASE_VIEWS_REGISTERED_AT } from './1763840000000-supervision-ledger';

/**
 * The city view's own copy of each case (`case_views`, `case_timeline`) gives way to the shared case replica
 * (`case_replica`, `case_replica_events`: CaseReplica1764600000000). An existing deployment rebuilds the replica by
 * replaying the case log (docs/architecture.md, "Case replica").
 */
export const SupervisionCaseReplica1764610000000 = sqlMigration('SupervisionCaseReplica1764610000000', {
  up: [`DROP TABLE IF EXISTS case_timeline`, `DROP TABLE IF EXISTS case_views`],
  // The old view comes back empty (replay the case log to fill it), as the earlier migrations built it.
  down: [...CASE_VIEW_TABLES, ...CASE_VIEWS_REGISTERED_AT],
});
