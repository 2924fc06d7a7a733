import { sqlMigration } from '@sunshine/platform';

/** Issue 20, hot topics: the petitions received within a window are read by time (GET /hot-topics). */
export const IntakeReceivedIndex1765400000000 = sqlMigration('IntakeReceivedIndex1765400000000', {
  up: [`CREATE INDEX petitions_received ON petitions (received_at)`],
  down: [`DROP INDEX petitions_received`],
});
