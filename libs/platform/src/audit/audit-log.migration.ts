import { sqlMigration } from '../database/sql-migration';

/**
 * 安全审计 (issue 18): the service's append-only, hash-chained audit trail. Partitioned by month on `at` (UTC months;
 * AuditTrail creates this month's and next month's partitions, the default partition catches anything else); a
 * trigger refuses UPDATE, DELETE and TRUNCATE to every role (the owner can only get past it by disabling the trigger,
 * which itself is the kind of act the chain exposes: `npm run audit -- verify`). Partitions are kept at least 184 days.
 */
export const AuditLog1765300000000 = sqlMigration('AuditLog1765300000000', {
  up: [
    `CREATE TABLE audit_log (
      seq bigint NOT NULL,
      at timestamptz NOT NULL,
      kind text NOT NULL CHECK (kind IN ('request','personal-data-read','config-change','ops-action','anchor')),
      subject text,
      unit_id text,
      roles text[] NOT NULL DEFAULT '{}',
      method text,
      route text,
      case_id text,
      status int,
      ip text,
      user_agent text,
      detail jsonb NOT NULL DEFAULT '{}',
      alg text NOT NULL CHECK (alg IN ('sha256','sm3')),
      prev_hash text NOT NULL,
      hash text NOT NULL,
      PRIMARY KEY (seq, at)
    ) PARTITION BY RANGE (at)`,
    `CREATE TABLE audit_log_default PARTITION OF audit_log DEFAULT`,
    `CREATE INDEX audit_log_at ON audit_log (at)`,
    `CREATE INDEX audit_log_case ON audit_log (case_id, seq) WHERE case_id IS NOT NULL`,
    `CREATE INDEX audit_log_subject ON audit_log (subject, seq)`,
    `CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only (审计日志只可追加): % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`,
    `CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`,
    `CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`,
  ],
  down: [`DROP TABLE audit_log`, `DROP FUNCTION audit_log_append_only()`],
});
