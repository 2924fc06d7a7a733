import { sqlMigration } from '@sunshine/platform';

/**
 * Issue 21: the daily reconciliation with the upstream, run by itself: one row per day (the claim of the one run among
 * intake's processes, then its report).
 */
export const IntakeUpstreamReconciliations1796330000001 = sqlMigration('IntakeUpstreamReconciliations1796330000001', {
  up: [
    `CREATE TABLE upstream_reconciliations (
       day date PRIMARY KEY, started_at timestamptz NOT NULL, finished_at timestamptz, report jsonb)`,
  ],
  down: [`DROP TABLE upstream_reconciliations`],
});
