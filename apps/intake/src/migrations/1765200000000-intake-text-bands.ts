import { sqlMigration } from '@sunshine/platform';

/**
 * Issue 20: near-duplicate text across channels. Each registration's MinHash signature (128 × 32 bits of hashed
 * character 3-grams: no text) and its 32 LSH band keys; a later registration finds candidates by equal keys (the
 * primary key's index), never by a scan, and compares signatures.
 */
export const IntakeTextBands1765200000000 = sqlMigration('IntakeTextBands1765200000000', {
  up: [
    `CREATE TABLE petition_text_signatures (case_id uuid PRIMARY KEY, signature bytea NOT NULL)`,
    `CREATE TABLE petition_text_bands (band_key text NOT NULL, case_id uuid NOT NULL, PRIMARY KEY (band_key, case_id))`,
  ],
  down: [`DROP TABLE petition_text_bands`, `DROP TABLE petition_text_signatures`],
});
