import { sqlMigration } from '@sunshine/platform';

/**
 * Issue 12: repeat detection for a caller known by a phone or by name and place only (hotline, letters): the keyed
 * blind index of the phone and of the name given with each registration (never the values), to find candidates.
 */
export const IntakeRepeatKeys1765000000001 = sqlMigration('IntakeRepeatKeys1765000000001', {
  up: [
    `ALTER TABLE petitions ADD COLUMN phone_index text, ADD COLUMN name_index text`,
    `CREATE INDEX petitions_phone_index ON petitions (phone_index, registered_at DESC) WHERE phone_index IS NOT NULL`,
    `CREATE INDEX petitions_name_place ON petitions (name_index, place_code, registered_at DESC) WHERE name_index IS NOT NULL`,
  ],
  down: [
    `DROP INDEX petitions_name_place`,
    `DROP INDEX petitions_phone_index`,
    `ALTER TABLE petitions DROP COLUMN phone_index, DROP COLUMN name_index`,
  ],
});
