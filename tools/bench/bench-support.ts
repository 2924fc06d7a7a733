import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';

import type { MigrationClass } from '@sunshine/platform';
import { Client } from 'pg';
import type { QueryRunner } from 'typeorm';

/** The repository root (tools/bench → ../..). */
export const ROOT = resolve(__dirname, '../..');

/**
 * `--name value` options over defaults (numbers stay numbers, strings strings); unknown options are refused so a typo
 * never runs a benchmark with the default silently.
 */
export function benchArgs<T extends Record<string, number | string | boolean>>(
  defaults: T,
  argv: readonly string[] = process.argv.slice(2),
): T {
  const out: Record<string, number | string | boolean> = { ...defaults };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (!arg.startsWith('--')) continue;
    const [key = '', inline] = arg.slice(2).split('=', 2);
    if (!(key in defaults))
      throw new Error(
        `unknown option --${key} (未知参数); known: ${Object.keys(defaults)
          .map((k) => `--${k}`)
          .join(' ')}`,
      );
    const fallback = defaults[key];
    if (typeof fallback === 'boolean' && inline === undefined && (argv[i + 1] ?? '--').startsWith('--')) {
      out[key] = true;
      continue;
    }
    const raw = inline ?? argv[++i] ?? '';
    out[key] = typeof fallback === 'number' ? Number(raw) : typeof fallback === 'boolean' ? raw === 'true' : raw;
    if (typeof fallback === 'number' && !Number.isFinite(out[key])) throw new Error(`--${key} must be a number, got "${raw}"`);
  }
  return out as T;
}

/** The machine's 1/5/15-minute load averages, as `1.23 / 0.98 / 0.76`. */
export function loadAverage(): string {
  return loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ');
}

/** Writes a result as JSON under tmp/bench/ (gitignored): `<name>-<ISO instant>.json`; answers the path. */
export function writeResult(name: string, result: unknown): string {
  const dir = join(ROOT, 'tmp', 'bench');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  return file;
}

/** The p-th percentile (0–100) of numbers, nearest rank; NaN when there are none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

/**
 * Runs `work` on a scratch schema of the shared PostgreSQL (`bench_<label>_<random>`, the search path set to it) built
 * by the real `migrations` in order, and drops it afterwards unless `keep`.
 */
export async function withScratchSchema<T>(
  label: string,
  migrations: readonly MigrationClass[],
  work: (db: Client, schema: string) => Promise<T>,
  keep = false,
): Promise<T> {
  const db = new Client({ connectionString: process.env['DATABASE_URL'] ?? 'postgres://sunshine:sunshine@127.0.0.1:5432/sunshine' });
  await db.connect();
  const schema = `bench_${label}_${randomBytes(3).toString('hex')}`;
  try {
    await db.query(`CREATE SCHEMA "${schema}"`);
    await db.query(`SET search_path = "${schema}"`);
    const runner = { query: (s: string) => db.query(s) } as unknown as QueryRunner;
    for (const M of migrations) await new M().up(runner);
    return await work(db, schema);
  } finally {
    if (keep) process.stdout.write(`kept schema ${schema}\n`);
    else await db.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).catch(() => undefined);
    await db.end();
  }
}
