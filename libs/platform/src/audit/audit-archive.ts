import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { sqlMigration } from '../database/sql-migration';
import { type AuditFinding, canonicalJson } from './audit-chain';
import { archivedHead, AUDIT_RETENTION_DAYS, readAuditRecords, verifyAuditTable } from './audit-trail.service';

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

/** A connection to the database (pg's Client or PoolClient): one statement at a time, transactions by BEGIN/COMMIT. */
export interface AuditArchiveDb {
  query<R extends object>(text: string, params?: unknown[]): Promise<{ rows: R[] }>;
}

/** One partition archived: where its records went and the chain's hash at its end. */
export interface ArchivedPartition {
  readonly partition: string;
  readonly records: number;
  readonly firstSeq: number | null;
  readonly lastSeq: number | null;
  readonly lastHash: string | null;
  readonly file: string;
  readonly fileSha256: string;
}

/** What archiving found for one service: the partitions moved out, or the chain's problems that stopped it. */
export interface ArchiveOutcome {
  readonly archived: ArchivedPartition[];
  readonly findings: AuditFinding[];
}

/**
 * 审计日志归档 Archives a service schema's audit partitions older than the retention (184 days): verifies the whole
 * chain first (any finding: nothing is archived), then for each due partition, oldest first, writes its records as JSON
 * lines (`<schema>.<partition>.jsonl`) and an anchor beside it (`.anchor.json`: the range, the chain's hashes at both
 * ends, the file's SHA-256), detaches the partition (kept as a plain table) and records the anchor in `audit_archive`,
 * from which the live chain's verification continues. Returns null when the schema has no audit_log.
 *
 * Idempotent and single: the run holds a PostgreSQL advisory lock of the schema's archive (a second run, from another
 * replica or the CLI, waits and then finds nothing due); a partition is due only while still attached, and a run that
 * stopped between writing the files and detaching rewrites the same files (each written whole, then renamed).
 * The scheduled job (AuditArchiveScheduler) and `npm run audit -- archive` both call this.
 */
export async function archiveAuditTrail(db: AuditArchiveDb, schema: string, outDir: string, now: Date): Promise<ArchiveOutcome | null> {
  const query = async (text: string, params: unknown[] = []): Promise<unknown[]> => (await db.query<object>(text, params)).rows;
  const table = `"${schema}".audit_log`;
  const [present] = (await query(`SELECT to_regclass($1) IS NOT NULL AS present`, [table])) as Array<{ present: boolean }>;
  if (!present?.present) return null;
  await db.query(`SELECT pg_advisory_lock(hashtext($1))`, [`${schema}.audit_archive`]);
  try {
    const children = (await query(
      `SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = $1::regclass`,
      [table],
    )) as Array<{ relname: string }>;
    const due = auditPartitionsDue(
      children.map((c) => c.relname),
      now,
    );
    if (due.length === 0) return { archived: [], findings: [] };
    const [archive] = (await query(`SELECT to_regclass($1) IS NOT NULL AS present`, [`"${schema}".audit_archive`])) as Array<{
      present: boolean;
    }>;
    if (!archive?.present)
      throw new Error(`${schema}: no audit_archive table yet: start the service once (migration AuditArchive1796230000000), then archive`);
    const verification = await verifyAuditTable(query, table);
    if (verification.findings.length > 0) return { archived: [], findings: verification.findings };
    mkdirSync(outDir, { recursive: true });
    const archived: ArchivedPartition[] = [];
    for (const partition of due) archived.push(await archivePartition(db, schema, partition, outDir, now));
    return { archived, findings: (await verifyAuditTable(query, table)).findings };
  } finally {
    await db.query(`SELECT pg_advisory_unlock(hashtext($1))`, [`${schema}.audit_archive`]);
  }
}

/** Writes `text` to `file` whole: a temporary file beside it, renamed over it. */
function writeWhole(file: string, text: string): void {
  const temporary = `${file}.partial`;
  writeFileSync(temporary, text, { mode: 0o640 });
  renameSync(temporary, file);
}

async function archivePartition(
  db: AuditArchiveDb,
  schema: string,
  partition: AuditPartition,
  outDir: string,
  now: Date,
): Promise<ArchivedPartition> {
  const query = async (text: string, params: unknown[] = []): Promise<unknown[]> => (await db.query<object>(text, params)).rows;
  const table = `"${schema}".audit_log`;
  const records = await readAuditRecords(query, `"${schema}"."${partition.name}"`);
  const first = records[0];
  const last = records[records.length - 1];
  const head = await archivedHead(query, `"${schema}".audit_archive`);
  // The partition must be the chain's beginning (after what was archived before): nothing older stays behind.
  const [older] = (await query(`SELECT count(*)::int AS n FROM ${table} WHERE seq <= $1`, [last?.seq ?? head?.seq ?? 0])) as Array<{
    n: number;
  }>;
  if (first && (first.seq !== (head?.seq ?? 0) + 1 || older?.n !== records.length)) {
    throw new Error(`${schema}.${partition.name}: its records are not the oldest of the chain (seq ${first.seq}…); not archived`);
  }
  const text = records.map((r) => canonicalJson(r)).join('\n') + (records.length ? '\n' : '');
  const fileSha256 = createHash('sha256').update(text, 'utf8').digest('hex');
  const file = join(outDir, `${schema}.${partition.name}.jsonl`);
  const outcome: ArchivedPartition = {
    partition: partition.name,
    records: records.length,
    firstSeq: first?.seq ?? null,
    lastSeq: last?.seq ?? null,
    lastHash: last?.hash ?? null,
    file,
    fileSha256,
  };
  const anchor = {
    schema,
    ...outcome,
    file: `${schema}.${partition.name}.jsonl`,
    from: partition.from,
    to: partition.to,
    firstPrevHash: first?.prevHash ?? null,
    alg: first?.alg ?? null,
    archivedAt: now,
  };
  writeWhole(file, text);
  writeWhole(`${file}.anchor.json`, `${JSON.stringify(anchor, null, 2)}\n`);
  await db.query('BEGIN');
  try {
    await db.query(`ALTER TABLE ${table} DETACH PARTITION "${schema}"."${partition.name}"`);
    await db.query(
      `INSERT INTO "${schema}".audit_archive (partition, month_from, month_to, records, first_seq, last_seq, first_prev_hash, last_hash, file, file_sha256, archived_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        partition.name,
        partition.from,
        partition.to,
        records.length,
        first?.seq ?? null,
        last?.seq ?? null,
        first?.prevHash ?? null,
        last?.hash ?? null,
        anchor.file,
        fileSha256,
        now,
      ],
    );
    await db.query('COMMIT');
  } catch (error) {
    await db.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
  return outcome;
}
