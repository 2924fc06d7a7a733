import { sqlMigration } from '../database/sql-migration';
import { AUDIT_RETENTION_DAYS } from './audit-trail.service';

/** A monthly partition of audit_log (`audit_log_pYYYYMM`) and the UTC month it holds: [from, to). */
export interface AuditPartition {
  readonly name: string;
  readonly from: Date;
  readonly to: Date;
}

/** The month of a partition named `audit_log_pYYYYMM`; undefined for any other table (the default partition). */
export function auditPartitionOf(name: string): AuditPartition | undefined {
  const m = /^audit_log_p(\d{4})(\d{2})$/.exec(name);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]) - 1;
  if (month < 0 || month > 11) return undefined;
  return { name, from: new Date(Date.UTC(year, month, 1)), to: new Date(Date.UTC(year, month + 1, 1)) };
}

/**
 * 审计日志归档 The partitions that may leave the live table at `now`: every record in them is older than the retention
 * (184 days, 《网络安全法》第21条: at least six months), i.e. the month ended `retentionDays` or more ago. Oldest first.
 */
export function auditPartitionsDue(names: readonly string[], now: Date, retentionDays: number = AUDIT_RETENTION_DAYS): AuditPartition[] {
  const cutoff = now.getTime() - retentionDays * 86_400_000;
  return names
    .map(auditPartitionOf)
    .filter((p): p is AuditPartition => p !== undefined && p.to.getTime() <= cutoff)
    .sort((a, b) => a.from.getTime() - b.from.getTime());
}

/**
 * The archived partitions of a service's audit trail, one row each (append-only like audit_log): its records' range,
 * the chain's hashes at both ends, the export file and its SHA-256. The live chain continues from the last `last_hash`.
 */
export const AuditArchive1796230000000 = sqlMigration('AuditArchive1796230000000', {
  up: [
    `CREATE TABLE audit_archive (
      partition text PRIMARY KEY,
      month_from timestamptz NOT NULL,
      month_to timestamptz NOT NULL,
      records int NOT NULL,
      first_seq bigint,
      last_seq bigint,
      first_prev_hash text,
      last_hash text,
      file text NOT NULL,
      file_sha256 text NOT NULL,
      archived_at timestamptz NOT NULL DEFAULT now()
    )`,
    `CREATE TRIGGER audit_archive_no_change BEFORE UPDATE OR DELETE ON audit_archive FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`,
  ],
  down: [`DROP TABLE audit_archive`],
});
