import { type AuditVerification, type ServiceName, ServiceNames, verifyAuditTable } from '@sunshine/platform';
import { Client } from 'pg';

import { archiveAuditTrails } from './audit-archive';

/**
 * 审计日志校验与归档 The services' hash-chained audit trails (each service schema's `audit_log`):
 *   npm run audit -- verify [--service intake]
 *   npm run audit -- archive --out <dir> [--service intake]
 * Reads DATABASE_URL (and DB_SCHEMA_PREFIX for a test run's schemas). `verify` prints each service's count and every
 * record found edited, removed or inserted, naming it (from the last archived record on). `archive` moves the monthly
 * partitions older than 184 days out of the live table after verifying the chain (tools/audit-archive.ts): each to a
 * JSON-lines file with its anchor in <dir>. Exits 1 when a chain has problems (nothing is archived then), 2 on a usage error.
 */
export async function verifyAuditTrails(
  databaseUrl: string,
  services: readonly ServiceName[],
  schemaPrefix = '',
): Promise<Map<ServiceName, AuditVerification | null>> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const results = new Map<ServiceName, AuditVerification | null>();
    for (const service of services) {
      const schema = schemaPrefix ? `${schemaPrefix}_${service}` : service;
      const exists = await client.query(
        `SELECT 1 FROM pg_tables WHERE schemaname = $1 AND tablename = 'audit_log' UNION ALL SELECT 1 FROM pg_partitioned_table p JOIN pg_class c ON c.oid = p.partrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relname = 'audit_log'`,
        [schema],
      );
      results.set(
        service,
        exists.rowCount ? await verifyAuditTable(async (text) => (await client.query(text)).rows, `"${schema}".audit_log`) : null,
      );
    }
    return results;
  } finally {
    await client.end();
  }
}

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function archive(url: string, services: readonly ServiceName[], outDir: string): Promise<number> {
  const results = await archiveAuditTrails(url, services, outDir, new Date(), process.env['DB_SCHEMA_PREFIX'] ?? '');
  let bad = 0;
  for (const [service, result] of results) {
    if (!result) {
      process.stdout.write(`${service}: 无审计表 no audit_log\n`);
      continue;
    }
    for (const a of result.archived)
      process.stdout.write(
        `${service}: 已归档 archived ${a.partition}, ${a.records} 条记录 records (#${a.firstSeq ?? '-'}–#${a.lastSeq ?? '-'}) → ${a.file} sha256 ${a.fileSha256}\n`,
      );
    if (result.archived.length === 0 && result.findings.length === 0)
      process.stdout.write(`${service}: 无到期分区 nothing older than 184 days\n`);
    for (const f of result.findings) process.stdout.write(`  #${f.seq} ${f.problem}: ${f.message.zh} / ${f.message.en}\n`);
    if (result.findings.length > 0) process.stdout.write(`${service}: 校验未通过，未归档 chain has problems, nothing archived\n`);
    bad += result.findings.length;
  }
  return bad > 0 ? 1 : 0;
}

async function main(): Promise<number> {
  const [command] = process.argv.slice(2);
  const only = option('--service');
  const out = option('--out');
  if (
    !(command === 'verify' || (command === 'archive' && out)) ||
    (only !== undefined && !(ServiceNames as readonly string[]).includes(only))
  ) {
    process.stderr.write(
      `usage: npm run audit -- verify [--service ${ServiceNames.join('|')}]\n       npm run audit -- archive --out <dir> [--service …]\n`,
    );
    return 2;
  }
  const url = process.env['DATABASE_URL'] ?? 'postgres://sunshine:sunshine@127.0.0.1:5432/sunshine';
  const services = only ? [only as ServiceName] : ServiceNames;
  if (command === 'archive' && out) return archive(url, services, out);
  const results = await verifyAuditTrails(url, services, process.env['DB_SCHEMA_PREFIX'] ?? '');
  let bad = 0;
  for (const [service, result] of results) {
    if (!result) {
      process.stdout.write(`${service}: 无审计表 no audit_log\n`);
      continue;
    }
    process.stdout.write(
      `${service}: ${result.records} 条记录 records, ${result.findings.length ? `${result.findings.length} 处异常 problems` : '校验通过 intact'}\n`,
    );
    for (const f of result.findings) process.stdout.write(`  #${f.seq} ${f.problem}: ${f.message.zh} / ${f.message.en}\n`);
    bad += result.findings.length;
  }
  return bad > 0 ? 1 : 0;
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`audit: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(2);
    },
  );
}
