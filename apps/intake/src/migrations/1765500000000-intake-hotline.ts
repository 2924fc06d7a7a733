import { sqlMigration } from '@sunshine/platform';

/**
 * Issue 21: 12345 hotline work orders. The hotline systems that dispatch orders (api key: only its SHA-256 is kept; the
 * callback secret sealed with the field cipher, to sign the feedback), the order each case came from (once per system
 * and order number), and the feedback owed back (办理结果, 办结), one row per case event, delivered in order per case.
 */
export const IntakeHotline1765500000000 = sqlMigration('IntakeHotline1765500000000', {
  up: [
    `CREATE TABLE hotline_systems (
       id uuid PRIMARY KEY, name text NOT NULL, key_hash text NOT NULL UNIQUE, callback_url text NOT NULL,
       callback_secret_enc text NOT NULL, created_at timestamptz NOT NULL, created_by text NOT NULL, disabled_at timestamptz)`,
    `CREATE TABLE hotline_orders (
       case_id uuid PRIMARY KEY, system_id uuid NOT NULL REFERENCES hotline_systems (id), order_no text NOT NULL,
       class_code text, class_name text, deadline timestamptz, received_at timestamptz NOT NULL,
       UNIQUE (system_id, order_no))`,
    `CREATE TABLE hotline_feedback (
       event_id uuid PRIMARY KEY, case_id uuid NOT NULL REFERENCES hotline_orders (case_id), seq bigserial NOT NULL,
       body jsonb NOT NULL, created_at timestamptz NOT NULL, attempts int NOT NULL DEFAULT 0,
       next_attempt_at timestamptz NOT NULL, delivered_at timestamptz, last_error text)`,
    `CREATE INDEX hotline_feedback_pending ON hotline_feedback (next_attempt_at) WHERE delivered_at IS NULL`,
    `CREATE INDEX hotline_feedback_case ON hotline_feedback (case_id, seq)`,
  ],
  down: [`DROP TABLE hotline_feedback`, `DROP TABLE hotline_orders`, `DROP TABLE hotline_systems`],
});
