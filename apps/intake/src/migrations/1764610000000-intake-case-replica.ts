import { sqlMigration } from '@sunshine/platform';

import { CASE_PROJECTIONS_TABLE } from './1763830000000-intake-dossier-self-service';

/**
 * Intake keeps its cases in the platform's case replica (`case_replica`, `case_replica_events`, created by
 * CaseReplica1764600000000): its own projection `case_projections` goes. An existing deployment rebuilds the replica by
 * replaying the case log (docs/architecture.md, "Case replica").
 */
export const IntakeCaseReplica1764610000000 = sqlMigration('IntakeCaseReplica1764610000000', {
  up: [`DROP TABLE IF EXISTS case_projections`],
  down: [
    // The old table comes back empty: it was a projection, rebuilt from the case log.
    CASE_PROJECTIONS_TABLE,
  ],
});
