import { dropTables, sqlMigration } from '@sunshine/platform';

/** Intake's own case projection, as this migration creates it (IntakeCaseReplica1764610000000 drops it; its down restores it). */
export const CASE_PROJECTIONS_TABLE = `CREATE TABLE case_projections (
      case_id uuid PRIMARY KEY,
      case_number text,
      status text,
      stage text NOT NULL,
      holding_unit_id text,
      held_by text[] NOT NULL DEFAULT '{}',
      state jsonb NOT NULL,
      version int NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now())`;

/**
 * The dossier's attachments, corrections and merges, the citizen-facing case projection, ratings, review requests,
 * withdrawals, query-code recovery and its messages, leader receptions and appointments; the phone given with each
 * petition (query-code recovery goes to the phone registered with that case). Personal data and free text
 * are sealed (`*_enc`) by the FieldCipher before they are written. One petitioner per blind index (unique).
 */
export const IntakeDossierSelfService1763830000000 = sqlMigration('IntakeDossierSelfService1763830000000', {
  up: [
    `DROP INDEX petitioners_blind_index`,
    `CREATE UNIQUE INDEX petitioners_blind_index ON petitioners (id_blind_index) WHERE id_blind_index IS NOT NULL`,
    `ALTER TABLE petitions ADD COLUMN reception_id uuid, ADD COLUMN checks jsonb NOT NULL DEFAULT '{}', ADD COLUMN phone_enc text`,
    CASE_PROJECTIONS_TABLE,
    `CREATE TABLE attachments (
      id uuid PRIMARY KEY,
      case_id uuid NOT NULL REFERENCES petitions(case_id),
      file_name_enc text NOT NULL,
      content_type text NOT NULL,
      size_bytes int NOT NULL,
      storage_key text NOT NULL,
      uploaded_by text NOT NULL,
      uploaded_at timestamptz NOT NULL)`,
    `CREATE INDEX attachments_case ON attachments (case_id)`,
    `CREATE TABLE corrections (
      event_id uuid PRIMARY KEY,
      case_id uuid NOT NULL REFERENCES petitions(case_id),
      changes jsonb NOT NULL,
      reason jsonb NOT NULL,
      corrected_by text NOT NULL,
      corrected_by_unit text NOT NULL,
      corrected_at timestamptz NOT NULL)`,
    `CREATE TABLE merges (
      case_id uuid NOT NULL REFERENCES petitions(case_id),
      matched_case_id uuid NOT NULL REFERENCES petitions(case_id),
      score numeric(5,4) NOT NULL,
      merged_by text NOT NULL,
      merged_at timestamptz NOT NULL,
      event_id uuid NOT NULL,
      PRIMARY KEY (case_id, matched_case_id))`,
    `CREATE TABLE ratings (
      case_id uuid NOT NULL REFERENCES petitions(case_id),
      stage text NOT NULL,
      subject text NOT NULL,
      unit_id text NOT NULL,
      score text NOT NULL,
      entered_by text NOT NULL,
      staff_subject text,
      rated_at timestamptz NOT NULL,
      event_id uuid NOT NULL,
      PRIMARY KEY (case_id, stage, subject))`,
    `CREATE TABLE review_requests (
      case_id uuid NOT NULL REFERENCES petitions(case_id),
      stage text NOT NULL,
      requested_at timestamptz NOT NULL,
      event_id uuid NOT NULL,
      PRIMARY KEY (case_id, stage))`,
    `CREATE TABLE withdrawals (
      case_id uuid PRIMARY KEY REFERENCES petitions(case_id),
      reason_code text NOT NULL,
      withdrawn_at timestamptz NOT NULL,
      event_id uuid NOT NULL)`,
    `CREATE TABLE query_failures (id bigserial PRIMARY KEY, case_number text NOT NULL, at timestamptz NOT NULL)`,
    `CREATE INDEX query_failures_case ON query_failures (case_number, at)`,
    `CREATE TABLE query_code_recoveries (
      id uuid PRIMARY KEY,
      case_id uuid NOT NULL REFERENCES petitions(case_id),
      otp_hash text NOT NULL,
      expires_at timestamptz NOT NULL,
      attempts int NOT NULL DEFAULT 0,
      used_at timestamptz,
      created_at timestamptz NOT NULL)`,
    `CREATE INDEX query_code_recoveries_case ON query_code_recoveries (case_id, created_at)`,
    `CREATE TABLE citizen_messages (
      id uuid PRIMARY KEY,
      case_id uuid,
      channel text NOT NULL,
      recipient_enc text NOT NULL,
      recipient_masked text NOT NULL,
      template text NOT NULL,
      body_enc text NOT NULL,
      status text NOT NULL,
      created_at timestamptz NOT NULL)`,
    `CREATE TABLE receptions (
      id uuid PRIMARY KEY,
      unit_id text NOT NULL,
      leader_ref text NOT NULL,
      leader_name text NOT NULL,
      leader_title text NOT NULL,
      starts_at timestamptz NOT NULL,
      ends_at timestamptz NOT NULL,
      place text NOT NULL,
      capacity int NOT NULL,
      created_by text NOT NULL,
      created_at timestamptz NOT NULL)`,
    `CREATE INDEX receptions_time ON receptions (starts_at)`,
    `CREATE TABLE appointments (
      id uuid PRIMARY KEY,
      reception_id uuid NOT NULL REFERENCES receptions(id),
      number text NOT NULL UNIQUE,
      name_enc text NOT NULL,
      phone_enc text NOT NULL,
      subject_enc text NOT NULL,
      case_id uuid REFERENCES petitions(case_id),
      created_at timestamptz NOT NULL)`,
    `CREATE INDEX appointments_reception ON appointments (reception_id)`,
  ],
  down: [
    ...dropTables('appointments', 'receptions', 'citizen_messages', 'query_code_recoveries', 'query_failures', 'withdrawals',
      'review_requests', 'ratings', 'merges', 'corrections', 'attachments', 'case_projections'),
    `ALTER TABLE petitions DROP COLUMN phone_enc, DROP COLUMN checks, DROP COLUMN reception_id`,
    `DROP INDEX petitioners_blind_index`,
    `CREATE INDEX petitioners_blind_index ON petitioners (id_blind_index) WHERE id_blind_index IS NOT NULL`,
  ],
});
