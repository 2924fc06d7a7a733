import { sqlMigration } from '@sunshine/platform';

/**
 * Issue 21: 12345 feedback the hotline keeps refusing is parked after a bounded number of attempts (later feedback of
 * the same case waits behind it) until city ops replay it with a reason, each replay recorded.
 */
export const IntakeHotlineParking1765500000001 = sqlMigration('IntakeHotlineParking1765500000001', {
  up: [
    `ALTER TABLE hotline_feedback ADD COLUMN parked_at timestamptz`,
    `CREATE INDEX hotline_feedback_parked ON hotline_feedback (parked_at) WHERE parked_at IS NOT NULL AND delivered_at IS NULL`,
    `CREATE TABLE hotline_feedback_replays (
       id uuid PRIMARY KEY, event_id uuid NOT NULL REFERENCES hotline_feedback (event_id), reason text NOT NULL,
       replayed_by text NOT NULL, replayed_at timestamptz NOT NULL, attempts_before int NOT NULL, last_error text)`,
  ],
  down: [`DROP TABLE hotline_feedback_replays`, `DROP INDEX hotline_feedback_parked`, `ALTER TABLE hotline_feedback DROP COLUMN parked_at`],
});
