import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Pool, type PoolClient } from 'pg';
import type { DataSource } from 'typeorm';

import type { StaffPrincipal } from '../auth/staff-claims';
import type { PlatformConfig } from '../config/platform-config';
import { PLATFORM_CONFIG } from '../config/platform-config.token';
import {
  type AuditChainHead,
  type AuditFields,
  auditFieldsOf,
  type AuditFinding,
  type AuditHashAlgorithm,
  type AuditKind,
  type AuditRecord,
  chainRecord,
  verifyAuditChain,
} from './audit-chain';
import { type AuditSink, currentAuditRequest } from './audit-request-context';

/** One anchor row after this many records: it repeats the chain's hash so far (and the log prints it, off-database). */
export const AUDIT_ANCHOR_EVERY = 100;
/** 等保: audit records are kept at least this long; no partition younger than this may be dropped or detached. */
export const AUDIT_RETENTION_DAYS = 184;
const BATCH = 200;

/** One record imported from another system: its id there (the dedupe key), when it happened there, what it says. */
export interface ImportedAuditItem {
  readonly id: string;
  readonly occurredAt: Date;
  readonly fields: AuditFields;
}

/** A search of the audit trail (the audit administrator's, GET /audit/records). */
export interface AuditQuery {
  readonly from?: Date;
  readonly to?: Date;
  readonly subject?: string;
  readonly unitId?: string;
  readonly caseId?: string;
  readonly kind?: AuditKind;
  readonly method?: string;
  readonly status?: number;
  /** Records before this seq (paging backwards from the newest). */
  readonly before?: number;
  readonly limit: number;
}

interface Row {
  seq: string;
  at: Date;
  kind: AuditKind;
  subject: string | null;
  unit_id: string | null;
  roles: string[];
  method: string | null;
  route: string | null;
  case_id: string | null;
  status: number | null;
  ip: string | null;
  user_agent: string | null;
  detail: Record<string, unknown>;
  alg: AuditHashAlgorithm;
  prev_hash: string;
  hash: string;
}

const COLUMNS = 'seq, at, kind, subject, unit_id, roles, method, route, case_id, status, ip, user_agent, detail, alg, prev_hash, hash';

function auditRecordOf(r: Row): AuditRecord {
  return {
    seq: Number(r.seq),
    at: r.at,
    kind: r.kind,
    subject: r.subject,
    unitId: r.unit_id,
    roles: r.roles,
    method: r.method,
    route: r.route,
    caseId: r.case_id,
    status: r.status,
    ip: r.ip,
    userAgent: r.user_agent,
    detail: r.detail,
    alg: r.alg,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

/** The first instants of `at`'s UTC month and of the month after. */
function monthOf(at: Date): { name: string; from: string; to: string } {
  const y = at.getUTCFullYear();
  const m = at.getUTCMonth();
  const from = new Date(Date.UTC(y, m, 1));
  const to = new Date(Date.UTC(y, m + 1, 1));
  return { name: `audit_log_p${y}${String(m + 1).padStart(2, '0')}`, from: from.toISOString(), to: to.toISOString() };
}

/**
 * The service's audit trail (安全审计): `record` chains and appends (SHA-256, SM3 under the `gm` crypto profile),
 * several callers' records in one transaction (group commit; a PostgreSQL advisory lock orders the instances of the
 * service), and resolves once committed. It writes through its own connection, never the service's pool, so audit
 * writes neither wait for nor count in the pool's load shedding. `personalDataRead` is what endpoints that show
 * personal data call.
 */
@Injectable()
export class AuditTrail implements AuditSink, OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(AuditTrail.name);
  private readonly alg: AuditHashAlgorithm;
  private pending: Array<{ fields: AuditFields; done: (error?: unknown) => void }> = [];
  private draining?: Promise<void>;
  private partitionsUpTo?: string;
  private readonly writer: Pool;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(PLATFORM_CONFIG) config: PlatformConfig,
  ) {
    this.alg = config.crypto.profile === 'gm' ? 'sm3' : 'sha256';
    this.writer = new Pool({ connectionString: config.database.url, max: 1, options: `-c search_path=${config.database.schema}` });
    this.writer.on('error', (error) => this.logger.warn(`audit connection: ${String(error)}`));
  }

  async onModuleInit(): Promise<void> {
    await this.ensurePartitions(new Date());
  }

  /** Lets the records still queued be written, then closes the audit connection. */
  async onModuleDestroy(): Promise<void> {
    await this.draining?.catch(() => undefined);
    await this.writer.end();
  }

  record(fields: AuditFields): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ fields, done: (error) => (error === undefined ? resolve() : reject(error as Error)) });
      this.draining ??= this.drain().finally(() => (this.draining = undefined));
    });
  }

  /**
   * 个人信息访问记录: `staff` read personal data (`what`: dossier, attachment, reveal, contact…) of `caseId`; the
   * request's ip, user agent and route are taken from the HTTP request in progress. Await it before answering.
   */
  personalDataRead(
    staff: StaffPrincipal | undefined,
    caseId: string | null,
    what: string,
    detail: Readonly<Record<string, unknown>> = {},
  ): Promise<void> {
    return this.record({ ...this.who(staff), kind: 'personal-data-read', caseId, status: null, detail: { what, ...detail } });
  }

  /** A configuration change or an ops action (beyond its HTTP request's record): what changed, on whose word. */
  action(
    kind: 'config-change' | 'ops-action',
    staff: StaffPrincipal | undefined,
    detail: Readonly<Record<string, unknown>>,
    caseId: string | null = null,
  ): Promise<void> {
    return this.record({ ...this.who(staff), kind, caseId, status: null, detail });
  }

  async search(q: AuditQuery): Promise<AuditRecord[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown): void => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (q.from) add('at >= ?', q.from);
    if (q.to) add('at < ?', q.to);
    if (q.subject) add('subject = ?', q.subject);
    if (q.unitId) add('unit_id = ?', q.unitId);
    if (q.caseId) add('case_id = ?', q.caseId);
    if (q.kind) add('kind = ?', q.kind);
    if (q.method) add('method = ?', q.method);
    if (q.status !== undefined) add('status = ?', q.status);
    if (q.before !== undefined) add('seq < ?', q.before);
    params.push(q.limit);
    const rows = await this.dataSource.query<Row[]>(
      `SELECT ${COLUMNS} FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT $${params.length}`,
      params,
    );
    return rows.map(auditRecordOf);
  }

  /** Verifies this service's whole chain (the CLI does the same for any service: tools/audit.ts). */
  verify(): Promise<AuditVerification> {
    return verifyAuditTable((text) => this.dataSource.query<Row[]>(text), 'audit_log');
  }

  private who(
    staff: StaffPrincipal | undefined,
  ): Pick<AuditFields, 'subject' | 'unitId' | 'roles' | 'method' | 'route' | 'ip' | 'userAgent'> {
    const request = currentAuditRequest();
    return {
      subject: staff?.subject ?? null,
      unitId: staff?.unitId ?? null,
      roles: staff?.roles ?? [],
      method: request?.method ?? null,
      route: request?.route ?? null,
      ip: request?.ip ?? null,
      userAgent: request?.userAgent ?? null,
    };
  }

  private async drain(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0, BATCH);
      try {
        await this.append(batch.map((b) => b.fields));
        for (const b of batch) b.done();
      } catch (error) {
        this.logger.error(`audit records not written (${batch.length}): ${String(error)}`);
        for (const b of batch) b.done(error);
      }
    }
  }

  private async append(entries: readonly AuditFields[]): Promise<void> {
    await this.locked((client, now, written) => this.chain(client, now, entries, written));
  }

  /**
   * Appends records imported from another system (`source`, e.g. `keycloak` for its login events), each once: under
   * the chain's lock, items whose `id` is already in `audit_import` for that source are skipped, the others chained and
   * their ids kept with the record's seq, in the same transaction. A re-run, a retry or a second instance of the
   * service importing the same items appends nothing twice. Resolves with the number of records appended.
   * (`audit_import`: migration AuditImport1796320000000, in the schemas of the services that import.)
   */
  async appendImported(source: string, items: readonly ImportedAuditItem[]): Promise<number> {
    if (items.length === 0) return 0;
    return this.locked(async (client, now, written) => {
      const ids = [...new Set(items.map((i) => i.id))];
      const known = new Set(
        (
          await client.query<{ external_id: string }>(
            `SELECT external_id FROM audit_import WHERE source = $1 AND external_id = ANY($2::text[])`,
            [source, ids],
          )
        ).rows.map((r) => r.external_id),
      );
      const fresh: ImportedAuditItem[] = [];
      for (const item of items) {
        if (known.has(item.id)) continue;
        known.add(item.id);
        fresh.push(item);
      }
      if (fresh.length === 0) return 0;
      const records = await this.chain(
        client,
        now,
        fresh.map((i) => i.fields),
        written,
      );
      const seqs = records.filter((r) => r.kind !== 'anchor').map((r) => r.seq);
      await client.query(
        `INSERT INTO audit_import (source, external_id, occurred_at, seq)
         SELECT $1, id, occurred_at, seq FROM unnest($2::text[], $3::timestamptz[], $4::bigint[]) AS t(id, occurred_at, seq)`,
        [source, fresh.map((i) => i.id), fresh.map((i) => i.occurredAt), seqs],
      );
      return fresh.length;
    });
  }

  /**
   * Forgets the ids of items from `source` that happened before `before` (the source system no longer has them, so
   * they cannot come again), keeping its latest one, where the next import resumes. The audit records stay (184 days).
   * Resolves with the number of ids forgotten.
   */
  async pruneImported(source: string, before: Date): Promise<number> {
    const { rowCount } = await this.writer.query(
      `DELETE FROM audit_import
        WHERE source = $1 AND occurred_at < $2
          AND occurred_at < (SELECT max(occurred_at) FROM audit_import WHERE source = $1)`,
      [source, before],
    );
    return rowCount ?? 0;
  }

  /** The latest `occurredAt` imported from `source` (where the next import resumes), or undefined before the first. */
  async importedUpTo(source: string): Promise<Date | undefined> {
    const { rows } = await this.writer.query<{ at: Date | null }>(`SELECT max(occurred_at) AS at FROM audit_import WHERE source = $1`, [
      source,
    ]);
    return rows[0]?.at ?? undefined;
  }

  /** One transaction on the audit connection holding the chain's advisory lock; anchors are logged once committed. */
  private async locked<T>(work: (client: PoolClient, now: Date, written: AuditRecord[]) => Promise<T>): Promise<T> {
    const now = new Date();
    await this.ensurePartitions(now);
    const written: AuditRecord[] = [];
    const client = await this.writer.connect();
    // pg-pool listens for a client's errors only while it is idle: a checked-out client is ours to listen to, or a
    // connection PostgreSQL ends under it (57P01 when the server is killed) is an unhandled 'error' that ends the process.
    // The lost connection fails this write (its query rejects) and the client is dropped on release.
    let lost: Error | undefined;
    const onLost = (error: Error): void => {
      lost = error;
      this.logger.warn(`audit connection lost: ${String(error)}`);
    };
    client.on('error', onLost);
    let result: T;
    try {
      await client.query('BEGIN');
      await client.query(`SELECT pg_advisory_xact_lock(hashtext(current_schema() || '.audit_log'))`);
      result = await work(client, now, written);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.removeListener('error', onLost);
      client.release(lost);
    }
    // Off-database copies of the chain's head: a tail cut off the table still disagrees with the service's logs.
    for (const a of written.filter((r) => r.kind === 'anchor'))
      this.logger.log(`audit anchor #${a.seq}: record #${String(a.detail['anchoredSeq'])} ${String(a.detail['anchoredHash'])} (${a.alg})`);
    return result;
  }

  /** Chains `entries` after the table's last record (an anchor after every 100th) and inserts them; returns them. */
  private async chain(client: PoolClient, now: Date, entries: readonly AuditFields[], written: AuditRecord[]): Promise<AuditRecord[]> {
    const [last] = (
      await client.query<{ seq: string; hash: string; at: Date }>(`SELECT seq, hash, at FROM audit_log ORDER BY seq DESC LIMIT 1`)
    ).rows;
    let head = last ? { seq: Number(last.seq), hash: last.hash } : undefined;
    // Never before the last record: the chain's times do not go backwards even if this instance's clock does.
    const at = last && last.at > now ? last.at : now;
    const records: AuditRecord[] = [];
    for (const fields of entries) {
      const record = chainRecord(this.alg, head, at, fields);
      records.push(record);
      head = record;
      if (record.seq % AUDIT_ANCHOR_EVERY === 0) {
        const anchor = chainRecord(
          this.alg,
          head,
          at,
          auditFieldsOf('anchor', { detail: { anchoredSeq: record.seq, anchoredHash: record.hash } }),
        );
        records.push(anchor);
        head = anchor;
      }
    }
    await insert(client, records);
    written.push(...records);
    return records;
  }

  /** This month's and next month's partitions (UTC months), created once per month by whichever instance writes first. */
  private async ensurePartitions(now: Date): Promise<void> {
    const month = monthOf(now);
    if (this.partitionsUpTo === month.name) return;
    const next = monthOf(new Date(Date.parse(month.to)));
    for (const p of [month, next]) {
      try {
        await this.writer.query(`CREATE TABLE IF NOT EXISTS ${p.name} PARTITION OF audit_log FOR VALUES FROM ('${p.from}') TO ('${p.to}')`);
      } catch (error) {
        // Another instance created it meanwhile, or the default partition already holds rows of that month.
        this.logger.warn(`audit partition ${p.name}: ${String(error)}`);
      }
    }
    this.partitionsUpTo = month.name;
  }
}

/** What `npm run audit -- verify` reports for one service. */
export interface AuditVerification {
  readonly records: number;
  readonly findings: AuditFinding[];
}

/**
 * Reads a whole audit table (`table`, schema-qualified when needed) in chain order and verifies it: the one check both
 * AuditTrail.verify and the CLI run. `query` runs one statement and returns its rows.
 */
export async function verifyAuditTable(query: (text: string) => Promise<unknown[]>, table: string): Promise<AuditVerification> {
  const rows = (await query(`SELECT ${COLUMNS} FROM ${table} ORDER BY seq, at, hash`)) as Row[];
  return {
    records: rows.length,
    findings: verifyAuditChain(rows.map(auditRecordOf), await archivedHead(query, table.replace(/audit_log$/, 'audit_archive'))),
  };
}

/** The last record archived away from `archive`'s audit_log (npm run audit -- archive), if any was. */
export async function archivedHead(query: (text: string) => Promise<unknown[]>, archive: string): Promise<AuditChainHead | undefined> {
  const [present] = (await query(`SELECT to_regclass('${archive.replace(/'/g, "''")}') IS NOT NULL AS present`)) as Array<{
    present: boolean;
  }>;
  if (!present?.present) return undefined;
  const [head] = (await query(
    `SELECT last_seq, last_hash FROM ${archive} WHERE last_seq IS NOT NULL ORDER BY last_seq DESC LIMIT 1`,
  )) as Array<{ last_seq: string; last_hash: string }>;
  return head ? { seq: Number(head.last_seq), hash: head.last_hash } : undefined;
}

/** The records of one audit table or partition in chain order (the archive's export). */
export async function readAuditRecords(query: (text: string) => Promise<unknown[]>, table: string): Promise<AuditRecord[]> {
  return ((await query(`SELECT ${COLUMNS} FROM ${table} ORDER BY seq, at, hash`)) as Row[]).map(auditRecordOf);
}

function insert(client: PoolClient, records: readonly AuditRecord[]): Promise<void> {
  return insertAuditRecords((text, params) => client.query(text, params), 'audit_log', records);
}

/** Writes chained records into an audit table (`audit_log`, or a schema-qualified one), in one statement. */
export async function insertAuditRecords(
  query: (text: string, params: unknown[]) => Promise<unknown>,
  table: string,
  records: readonly AuditRecord[],
): Promise<void> {
  const params: unknown[] = [];
  const tuples = records.map((r) => {
    const values = [
      r.seq,
      r.at,
      r.kind,
      r.subject,
      r.unitId,
      [...r.roles],
      r.method,
      r.route,
      r.caseId,
      r.status,
      r.ip,
      r.userAgent,
      JSON.stringify(r.detail),
      r.alg,
      r.prevHash,
      r.hash,
    ];
    const start = params.length;
    params.push(...values);
    return `(${values.map((_, i) => `$${start + i + 1}`).join(', ')})`;
  });
  await query(`INSERT INTO ${table} (${COLUMNS}) VALUES ${tuples.join(', ')}`, params);
}
