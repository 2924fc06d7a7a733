import { sqlMigration } from '@sunshine/platform';

/**
 * 个人信息删除/去标识化 (PIPL Art 47): an `Idempotency-Key`'s kept answer names the case it registered (`case_id`), so
 * de-identifying that case deletes the answer too (it holds the case number and query code). Answers kept before this
 * have no case: the retention run deletes them once older than the case retention period.
 */
export const IntakeIdempotencyCase1796340000000 = sqlMigration('IntakeIdempotencyCase1796340000000', {
  up: [
    `ALTER TABLE idempotency_keys ADD COLUMN case_id uuid`,
    `CREATE INDEX idempotency_keys_case ON idempotency_keys (case_id) WHERE case_id IS NOT NULL`,
  ],
  down: [`DROP INDEX idempotency_keys_case`, `ALTER TABLE idempotency_keys DROP COLUMN case_id`],
});
