import { dropTables, sqlMigration } from '@sunshine/platform';

/**
 * Issue 17 door 2: a repeat match the registering unit may not see is never shown to it; it is reported to the unit that
 * may see the earlier case (an accusation's discipline organ, else the earlier case's territory bureau), here.
 */
export const IntakeRepeatReports1764900000000 = sqlMigration('IntakeRepeatReports1764900000000', {
  up: [
    `CREATE TABLE repeat_reports (
      id uuid PRIMARY KEY,
      case_id uuid NOT NULL,
      earlier_case_id uuid NOT NULL,
      score numeric(5, 4) NOT NULL,
      reported_to text NOT NULL,
      reported_at timestamptz NOT NULL)`,
    `CREATE INDEX repeat_reports_unit ON repeat_reports (reported_to, reported_at DESC, id DESC)`,
  ],
  down: [...dropTables('repeat_reports')],
});
