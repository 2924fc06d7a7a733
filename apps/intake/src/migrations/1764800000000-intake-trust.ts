import { dropTables, sqlMigration } from '@sunshine/platform';

/**
 * Issue 17's doors in intake:
 * - a petitioner's contact details are versioned per case (`petitioner_versions`): a registration never rewrites the
 *   details earlier cases carry (door 3); existing petitions get the petitioner's current details as version one;
 * - an online submission is its own unverified petitioner until verified (`petitions.petitioner_identity`; the ID
 *   number's blind index kept aside in `petitioners.claimed_blind_index`; one-time codes in `identity_verifications`)
 *   (door 4); earlier online petitions are marked unverified;
 * - wrong query codes are counted per client (`query_failures.client_key`, a keyed hash of the address) and kind;
 * - `Idempotency-Key`: the first answer kept sealed per scope and key (`idempotency_keys`);
 * - appointments carry a keyed hash of the booker's phone and client, for per-person limits;
 * - a callback rating records who called and when, and a petitioner's own rating may follow it (`ratings` keyed by
 *   who entered it);
 * - revealing a masked field of the dossier is written to `dossier_access_log` (who, unit, when, why, which field).
 */
export const IntakeTrust1764800000000 = sqlMigration('IntakeTrust1764800000000', {
  up: [
    `CREATE TABLE petitioner_versions (
      id uuid PRIMARY KEY,
      petitioner_id uuid NOT NULL REFERENCES petitioners(id),
      name_enc text NOT NULL,
      phone_enc text,
      address_enc text,
      recorded_at timestamptz NOT NULL,
      recorded_by text NOT NULL)`,
    `CREATE INDEX petitioner_versions_latest ON petitioner_versions (petitioner_id, recorded_at DESC, id DESC)`,
    `INSERT INTO petitioner_versions (id, petitioner_id, name_enc, phone_enc, address_enc, recorded_at, recorded_by)
       SELECT gen_random_uuid(), id, name_enc, phone_enc, address_enc, created_at, 'migration' FROM petitioners`,
    `ALTER TABLE petitions
       ADD COLUMN petitioner_version_id uuid REFERENCES petitioner_versions(id),
       ADD COLUMN petitioner_identity text NOT NULL DEFAULT 'staff-registration',
       ADD COLUMN identity_verified_at timestamptz,
       ADD COLUMN identity_verified_by text,
       ADD COLUMN identity_reason jsonb`,
    `UPDATE petitions p SET petitioner_version_id = v.id FROM petitioner_versions v WHERE v.petitioner_id = p.petitioner_id`,
    `UPDATE petitions SET petitioner_identity = 'unverified' WHERE registered_by LIKE 'citizen:%'`,
    `ALTER TABLE petitioners ADD COLUMN claimed_blind_index text`,
    `CREATE INDEX petitioners_claimed_blind_index ON petitioners (claimed_blind_index) WHERE claimed_blind_index IS NOT NULL`,
    `CREATE TABLE identity_verifications (
      id uuid PRIMARY KEY,
      case_id uuid NOT NULL REFERENCES petitions(case_id),
      target_petitioner_id uuid REFERENCES petitioners(id),
      otp_hash text NOT NULL,
      expires_at timestamptz NOT NULL,
      attempts int NOT NULL DEFAULT 0,
      used_at timestamptz,
      created_at timestamptz NOT NULL)`,
    `CREATE INDEX identity_verifications_case ON identity_verifications (case_id, created_at)`,
    `ALTER TABLE query_failures ALTER COLUMN case_number DROP NOT NULL,
       ADD COLUMN client_key text,
       ADD COLUMN kind text NOT NULL DEFAULT 'query-code'`,
    `CREATE INDEX query_failures_client ON query_failures (client_key, at)`,
    `CREATE TABLE idempotency_keys (
      scope text NOT NULL,
      key text NOT NULL,
      request_hash text NOT NULL,
      response_enc text,
      created_at timestamptz NOT NULL,
      PRIMARY KEY (scope, key))`,
    `ALTER TABLE appointments ADD COLUMN person_index text, ADD COLUMN client_key text`,
    `CREATE UNIQUE INDEX appointments_person ON appointments (reception_id, person_index) WHERE person_index IS NOT NULL`,
    `CREATE INDEX appointments_person_all ON appointments (person_index) WHERE person_index IS NOT NULL`,
    `ALTER TABLE ratings DROP CONSTRAINT ratings_pkey,
       ADD PRIMARY KEY (case_id, stage, subject, entered_by),
       ADD COLUMN called_at timestamptz,
       ADD COLUMN caller_unit_id text`,
    `CREATE TABLE dossier_access_log (
      id uuid PRIMARY KEY,
      case_id uuid NOT NULL REFERENCES petitions(case_id),
      field text NOT NULL,
      staff_subject text NOT NULL,
      staff_unit_id text NOT NULL,
      reason jsonb NOT NULL,
      revealed_at timestamptz NOT NULL)`,
    `CREATE INDEX dossier_access_log_case ON dossier_access_log (case_id, revealed_at)`,
  ],
  down: [
    ...dropTables('dossier_access_log', 'idempotency_keys', 'identity_verifications'),
    // Only one rating per stage and subject fits the old key: the petitioner's own is kept.
    `DELETE FROM ratings r WHERE r.entered_by <> 'citizen'
       AND EXISTS (SELECT 1 FROM ratings c WHERE c.case_id = r.case_id AND c.stage = r.stage AND c.subject = r.subject AND c.entered_by = 'citizen')`,
    `ALTER TABLE ratings DROP CONSTRAINT ratings_pkey, DROP COLUMN called_at, DROP COLUMN caller_unit_id,
       ADD PRIMARY KEY (case_id, stage, subject)`,
    `DROP INDEX appointments_person_all`,
    `DROP INDEX appointments_person`,
    `ALTER TABLE appointments DROP COLUMN client_key, DROP COLUMN person_index`,
    `DROP INDEX query_failures_client`,
    `DELETE FROM query_failures WHERE case_number IS NULL`,
    `ALTER TABLE query_failures DROP COLUMN kind, DROP COLUMN client_key, ALTER COLUMN case_number SET NOT NULL`,
    `DROP INDEX petitioners_claimed_blind_index`,
    `ALTER TABLE petitioners DROP COLUMN claimed_blind_index`,
    `ALTER TABLE petitions DROP COLUMN identity_reason, DROP COLUMN identity_verified_by, DROP COLUMN identity_verified_at,
       DROP COLUMN petitioner_identity, DROP COLUMN petitioner_version_id`,
    ...dropTables('petitioner_versions'),
  ],
});
