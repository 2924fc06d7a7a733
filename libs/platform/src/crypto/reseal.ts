import type { Client } from 'pg';

import type { FieldCipher } from './field-cipher';
import { sealedKeyOf } from './gm-cipher';

/** What every sealed value should be after a rotation: sealed in `format` (v1 / g1) with key `keyId`. */
export interface SealTarget {
  readonly format: string;
  readonly keyId: string;
}

/** One table of sealed columns (`*_enc`) and the primary key it is walked in. */
export interface SealedTable {
  readonly table: string;
  readonly key: readonly string[];
  readonly columns: readonly string[];
}

export interface ResealProgress {
  readonly table: string;
  readonly resealed: number;
  readonly done: boolean;
}

const PROGRESS = 'crypto_reseal_progress';

/** The schema's tables with `*_enc` columns and their primary keys (every sealed field of the service). */
export async function sealedTables(client: Client, schema: string): Promise<SealedTable[]> {
  const { rows } = await client.query<{ table_name: string; columns: string[]; key: string[] | null }>(
    `SELECT c.table_name, array_agg(c.column_name::text ORDER BY c.column_name) AS columns,
       (SELECT array_agg(a.attname::text ORDER BY array_position(i.indkey::int2[], a.attnum))
          FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
         WHERE i.indrelid = format('%I.%I', c.table_schema, c.table_name)::regclass AND i.indisprimary) AS key
     FROM information_schema.columns c
     WHERE c.table_schema = $1 AND c.column_name LIKE '%\\_enc' AND c.table_name <> $2
     GROUP BY c.table_schema, c.table_name ORDER BY c.table_name`,
    [schema, PROGRESS],
  );
  return rows.map((r) => {
    if (!r.key?.length)
      throw new Error(`${schema}.${r.table_name} has sealed columns but no primary key: it cannot be re-sealed in batches`);
    return { table: r.table_name, key: r.key, columns: r.columns };
  });
}

const q = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/**
 * 密钥轮换的重新加密 Re-seals every `*_enc` value of `schema` that is not yet in `target` (a new key, or the gm
 * profile's format), table by table in primary-key order, `batch` rows per transaction. Each batch commits with its
 * progress (`crypto_reseal_progress`: the last key done), so an interrupted run resumes where it stopped; a run for
 * another target starts over. `maxBatches` stops early (tests; a throttled night window). Opening uses `cipher`, which
 * must hold both the old keys and the target one.
 */
export async function resealSchema(
  client: Client,
  schema: string,
  cipher: FieldCipher,
  target: SealTarget,
  options: { batch?: number; maxBatches?: number } = {},
): Promise<ResealProgress[]> {
  const batch = options.batch ?? 500;
  let budget = options.maxBatches ?? Number.POSITIVE_INFINITY;
  const targetName = `${target.format}.${target.keyId}`;
  await client.query(`CREATE TABLE IF NOT EXISTS ${q(schema)}.${PROGRESS} (
    table_name text PRIMARY KEY, target text NOT NULL, last_key jsonb, resealed bigint NOT NULL DEFAULT 0,
    done boolean NOT NULL DEFAULT false, updated_at timestamptz NOT NULL DEFAULT now())`);
  const report: ResealProgress[] = [];
  for (const t of await sealedTables(client, schema)) {
    const [saved] = (
      await client.query<{ target: string; last_key: string[] | null; resealed: string; done: boolean }>(
        `SELECT target, last_key, resealed, done FROM ${q(schema)}.${PROGRESS} WHERE table_name = $1`,
        [t.table],
      )
    ).rows;
    let state =
      saved && saved.target === targetName
        ? { lastKey: saved.last_key, resealed: Number(saved.resealed), done: saved.done }
        : { lastKey: null, resealed: 0, done: false };
    const keyList = t.key.map(q).join(', ');
    while (!state.done && budget > 0) {
      budget--;
      await client.query('BEGIN');
      try {
        const after = state.lastKey ? `WHERE (${keyList}) > (${t.key.map((_, i) => `$${i + 1}`).join(', ')})` : '';
        const { rows } = await client.query<Record<string, unknown>>(
          `SELECT ${keyList}, ${t.columns.map(q).join(', ')} FROM ${q(schema)}.${q(t.table)} ${after} ORDER BY ${keyList} LIMIT ${batch} FOR UPDATE`,
          state.lastKey ?? [],
        );
        let changed = 0;
        for (const row of rows) {
          const sets: string[] = [];
          const values: unknown[] = [];
          for (const column of t.columns) {
            const sealed = row[column];
            if (typeof sealed !== 'string') continue;
            const key = sealedKeyOf(sealed);
            if (key?.format === target.format && key.keyId === target.keyId) continue;
            values.push(cipher.encrypt(cipher.decrypt(sealed)));
            sets.push(`${q(column)} = $${values.length}`);
          }
          if (sets.length === 0) continue;
          const where = t.key.map((k, i) => `${q(k)} = $${values.length + i + 1}`).join(' AND ');
          await client.query(`UPDATE ${q(schema)}.${q(t.table)} SET ${sets.join(', ')} WHERE ${where}`, [
            ...values,
            ...t.key.map((k) => row[k]),
          ]);
          changed++;
        }
        const last = rows[rows.length - 1];
        state = {
          lastKey: last ? t.key.map((k) => String(last[k] instanceof Date ? (last[k] as Date).toISOString() : last[k])) : state.lastKey,
          resealed: state.resealed + changed,
          done: rows.length < batch,
        };
        await client.query(
          `INSERT INTO ${q(schema)}.${PROGRESS} (table_name, target, last_key, resealed, done, updated_at) VALUES ($1, $2, $3, $4, $5, now())
           ON CONFLICT (table_name) DO UPDATE SET target = $2, last_key = $3, resealed = $4, done = $5, updated_at = now()`,
          [t.table, targetName, JSON.stringify(state.lastKey), state.resealed, state.done],
        );
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    }
    report.push({ table: t.table, resealed: state.resealed, done: state.done });
  }
  return report;
}

/** What `verify` found: values still in an old key or format (stale), and values that do not open (broken). */
export interface SealVerification {
  readonly checked: number;
  readonly stale: ReadonlyArray<{ table: string; column: string; key: string }>;
  readonly broken: ReadonlyArray<{ table: string; column: string; key: string; reason: string }>;
}

/** Opens every sealed value of `schema` and checks it is in `target`: the rotation's proof before an old key is retired. */
export async function verifySealed(client: Client, schema: string, cipher: FieldCipher, target: SealTarget): Promise<SealVerification> {
  let checked = 0;
  const stale: Array<{ table: string; column: string; key: string }> = [];
  const broken: Array<{ table: string; column: string; key: string; reason: string }> = [];
  for (const t of await sealedTables(client, schema)) {
    const { rows } = await client.query<Record<string, unknown>>(
      `SELECT ${[...t.key, ...t.columns].map(q).join(', ')} FROM ${q(schema)}.${q(t.table)} ORDER BY ${t.key.map(q).join(', ')}`,
    );
    for (const row of rows) {
      const key = t.key.map((k) => String(row[k])).join('/');
      for (const column of t.columns) {
        const sealed = row[column];
        if (typeof sealed !== 'string') continue;
        checked++;
        try {
          cipher.decrypt(sealed);
        } catch (error) {
          broken.push({ table: t.table, column, key, reason: error instanceof Error ? error.message : String(error) });
          continue;
        }
        const found = sealedKeyOf(sealed);
        if (found?.format !== target.format || found.keyId !== target.keyId) stale.push({ table: t.table, column, key });
      }
    }
  }
  return { checked, stale, broken };
}
