import { sqlMigration } from '@sunshine/platform';

/** Issue 20: a hot topic's warning names its representative petition (an id; the text stays in intake). */
export const SupervisionHotTopics1765400000000 = sqlMigration('SupervisionHotTopics1765400000000', {
  up: [
    `ALTER TABLE alerts ADD COLUMN representative_case_id uuid`,
    `CREATE INDEX alerts_kind_division ON alerts (kind, division_code, raised_at)`,
  ],
  down: [`DROP INDEX alerts_kind_division`, `ALTER TABLE alerts DROP COLUMN representative_case_id`],
});
