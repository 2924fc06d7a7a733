import { sqlMigration } from '@sunshine/platform';

/**
 * Issue 12 (有访必录入): a place the directory or a category the code table does not know is registered as the clerk gave
 * it (`as_given`: place code, place in words, category words); the case waits at the dispatch desk.
 */
export const IntakeAsGiven1765000000000 = sqlMigration('IntakeAsGiven1765000000000', {
  up: [`ALTER TABLE petitions ADD COLUMN as_given jsonb`],
  down: [`ALTER TABLE petitions DROP COLUMN as_given`],
});
