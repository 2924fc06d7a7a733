import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import {
  archivedHead,
  type AuditFinding,
  type AuditPartition,
  auditPartitionsDue,
  canonicalJson,
  readAuditRecords,
  type ServiceName,
  verifyAuditTable,
} from '@sunshine/platform';
import { Client } from 'pg';

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
 */
export async function archiveAuditTrail(client: Client, schema: string, outDir: string, now: Date): Promise<ArchiveOutcome | null> {
  const query = async (text: string, params: unknown[] = []): Promise<unknown[]> => (await client.query(text, params)).rows;
  const table = `"${schema}".audit_log`;
  const [present] = (await query(`SELECT to_regclass($1) IS NOT NULL AS present`, [table])) as Array<{ present: boolean }>;
  if (!present?.present) return null;
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
  for (const partition of due) archived.push(await archivePartition(client, schema, partition, outDir, now));
  return { archived, findings: (await verifyAuditTable(query, table)).findings };
}

async function archivePartition(
  client: Client,
  schema: string,
  partition: AuditPartition,
  outDir: string,
  now: Date,
): Promise<ArchivedPartition> {
  const query = async (text: string, params: unknown[] = []): Promise<unknown[]> => (await client.query(text, params)).rows;
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
  writeFileSync(file, text, { flag: 'wx' });
  writeFileSync(`${file}.anchor.json`, `${JSON.stringify(anchor, null, 2)}\n`, { flag: 'wx' });
  await client.query('BEGIN');
  try {
    await client.query(`ALTER TABLE ${table} DETACH PARTITION "${schema}"."${partition.name}"`);
    await client.query(
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
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
  return outcome;
}

/** Archives every given service's due partitions (`npm run audit -- archive --out <dir>`). */
export async function archiveAuditTrails(
  databaseUrl: string,
  services: readonly ServiceName[],
  outDir: string,
  now: Date,
  schemaPrefix = '',
): Promise<Map<ServiceName, ArchiveOutcome | null>> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const results = new Map<ServiceName, ArchiveOutcome | null>();
    for (const service of services)
      results.set(service, await archiveAuditTrail(client, schemaPrefix ? `${schemaPrefix}_${service}` : service, outDir, now));
    return results;
  } finally {
    await client.end();
  }
}
