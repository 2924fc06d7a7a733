import { sqlMigration } from '@sunshine/platform';

/**
 * 个人信息更正、删除请求 (PIPL Art 46, 47) and the retention of the records beside the case (PIPL Art 19):
 * - `personal_data_requests`: what a petitioner asked for (the corrected values and the reason sealed by the FieldCipher),
 *   and how the petition bureau decided (who, when, the outcome and its code);
 * - `pii_deidentified.request_id`: a case de-identified on its petitioner's request rather than by the retention job;
 * - `erased_at` on appointments, receptions and hotline orders: when the retention job erased their personal data.
 */
export const IntakePersonalDataRequests1796250000000 = sqlMigration('IntakePersonalDataRequests1796250000000', {
  up: [
    `CREATE TABLE personal_data_requests (
      id uuid PRIMARY KEY,
      case_id uuid NOT NULL REFERENCES petitions(case_id),
      kind text NOT NULL CHECK (kind IN ('correction', 'deletion')),
      changes_enc text,
      reason_enc text,
      status text NOT NULL CHECK (status IN ('pending', 'corrected', 'deleted', 'refused')),
      filed_at timestamptz NOT NULL,
      decided_at timestamptz,
      decided_by text,
      decided_by_unit text,
      decision_code text,
      event_id uuid)`,
    `CREATE INDEX personal_data_requests_case ON personal_data_requests (case_id, filed_at)`,
    `CREATE INDEX personal_data_requests_pending ON personal_data_requests (filed_at) WHERE status = 'pending'`,
    `ALTER TABLE pii_deidentified ADD COLUMN request_id uuid REFERENCES personal_data_requests(id)`,
    `ALTER TABLE appointments ADD COLUMN erased_at timestamptz`,
    `ALTER TABLE receptions ADD COLUMN erased_at timestamptz`,
    `ALTER TABLE hotline_orders ADD COLUMN erased_at timestamptz`,
  ],
  down: [
    `ALTER TABLE hotline_orders DROP COLUMN erased_at`,
    `ALTER TABLE receptions DROP COLUMN erased_at`,
    `ALTER TABLE appointments DROP COLUMN erased_at`,
    `ALTER TABLE pii_deidentified DROP COLUMN request_id`,
    `DROP TABLE personal_data_requests`,
  ],
});
