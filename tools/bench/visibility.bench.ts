import { randomUUID } from 'node:crypto';

import type { CaseViewer } from '@sunshine/domain';
import {
  arrayContainsSql,
  CaseReplica1764600000000,
  CaseReplicaCaseNumber1796282660000,
  CaseReplicaIndexes1765100000000,
  caseVisibilitySql,
  loadDemoOrg,
} from '@sunshine/platform';
import { type Client } from 'pg';

import { benchArgs, loadAverage, withScratchSchema, writeResult } from './bench-support';

/**
 * The lists' visibility and scope conditions on a scratch `case_replica` (the real migrations) filled with N cases
 * spread over the demo city's townships: EXPLAIN ANALYZE of each list as it was (`$1 = ANY(column)`, no pre-filter)
 * and as the platform generates it now (`column @> ARRAY[$1]`, the granting clauses as an index pre-filter).
 *
 *   npm run bench visibility -- --cases 50000 --runs 15
 */
const args = benchArgs({ cases: 50000, runs: 15, keep: false });

interface Row {
  id: string;
  township: string;
  county: string;
  confidential: boolean;
}

/** The form before: every `col @> ARRAY[$n::text]` back to `$n = ANY(col)`, and no pre-filter. */
function before(viewer: CaseViewer, from: number): { visible: string; params: unknown[] } {
  const q = caseVisibilitySql(viewer, from, 'c');
  const level = q.level.replace(/c\.(\w+) @> ARRAY\[(\$\d+)::text\]/g, '$2 = ANY(c.$1)');
  return { visible: `${level} <> 'none'`, params: q.params };
}

async function fill(db: Client, schema: string, n: number): Promise<Row[]> {
  const org = await loadDemoOrg();
  const townships = org.units.filter((u) => u.level === 'township' && u.kind === 'government');
  const rows: Row[] = [];
  for (let start = 0; start < n; start += 2000) {
    const batch = Array.from({ length: Math.min(2000, n - start) }, (_, i) => {
      const t = townships[((start + i) * 7919) % townships.length];
      if (!t) throw new Error('no townships');
      return {
        id: randomUUID(),
        township: t.divisionCode,
        county: `${t.divisionCode.slice(0, 6)}000000`,
        confidential: (start + i) % 20 === 0,
      };
    });
    rows.push(...batch);
    await db.query(
      `INSERT INTO "${schema}".case_replica (case_id, case_number, status, stage, type, category, place_code, receiving_unit_id,
         holding_unit_id, held_by, state, version, revision, confidential, involved_units, territory_codes, registered_at)
       SELECT id::uuid, 'N-' || id, 'handling', 'handling', 'claim', 'labour', township, county || ':petition-bureau',
              township || ':government', ARRAY[county || ':petition-bureau', township || ':government'], '{}'::jsonb, 1, 1, conf,
              ARRAY[county || ':petition-bureau', township || ':government'], ARRAY['410700000000', county, township],
              now() - (random() * interval '730 days')
         FROM unnest($1::text[], $2::text[], $3::text[], $4::boolean[]) AS r(id, township, county, conf)`,
      [batch.map((r) => r.id), batch.map((r) => r.township), batch.map((r) => r.county), batch.map((r) => r.confidential)],
    );
  }
  await db.query(`ANALYZE "${schema}".case_replica`);
  return rows;
}

interface Measured {
  readonly p50: number;
  readonly plan: string;
}

async function explain(db: Client, sql: string, params: unknown[], runs: number): Promise<Measured> {
  const times: number[] = [];
  let plan = '';
  for (let i = 0; i < runs; i++) {
    const { rows } = await db.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, FORMAT TEXT) ${sql}`, params);
    const lines = rows.map((r) => r['QUERY PLAN']);
    times.push(Number(/Execution Time: ([\d.]+) ms/.exec(lines.join('\n'))?.[1] ?? NaN));
    plan = lines
      .filter((l) => /Scan|BitmapOr|Sort|Limit|Aggregate/.test(l))
      .map((l) => l.trim().replace(/\s+\(cost.*$/, ''))
      .slice(0, 4)
      .join(' / ');
  }
  times.sort((a, b) => a - b);
  return { p50: times[Math.floor(times.length / 2)] ?? NaN, plan };
}

async function main(): Promise<void> {
  const load0 = loadAverage();
  await withScratchSchema(
    'vis',
    [CaseReplica1764600000000, CaseReplicaIndexes1765100000000, CaseReplicaCaseNumber1796282660000],
    async (db, schema) => {
      const rows = await fill(db, schema, args.cases);
      const township = rows[0]?.township ?? '410726101000';
      const county = `${township.slice(0, 6)}000000`;
      const lists: Array<{ name: string; viewer: CaseViewer; tail: (from: number) => { sql: string; params: unknown[] } }> = [
        {
          name: 'township inbox (unit scope, 20 newest)',
          viewer: { unitId: `${township}:government`, kind: 'government', divisionCode: township, lineage: [`${township}:government`] },
          tail: (from) => ({
            sql: `AND ${arrayContainsSql('c', 'held_by', `$${from}`)} ORDER BY c.registered_at DESC LIMIT 20`,
            params: [`${township}:government`],
          }),
        },
        {
          name: 'township government territory count',
          viewer: { unitId: `${township}:government`, kind: 'government', divisionCode: township, lineage: [`${township}:government`] },
          tail: () => ({ sql: '', params: [] }),
        },
        {
          name: 'inbox of a unit holding nothing',
          viewer: { unitId: `${county}:dept-hrss`, kind: 'dept-hrss', divisionCode: county, lineage: [] },
          tail: (from) => ({
            sql: `AND ${arrayContainsSql('c', 'held_by', `$${from}`)} ORDER BY c.registered_at DESC LIMIT 20`,
            params: [`${county}:dept-hrss`],
          }),
        },
        {
          name: 'case by number (city bureau)',
          viewer: { unitId: '410700000000:petition-bureau', kind: 'petition-bureau', divisionCode: '410700000000', lineage: [] },
          tail: (from) => ({ sql: `AND c.case_number = $${from}`, params: [`N-${rows[Math.floor(rows.length / 2)]?.id ?? ''}`] }),
        },
        {
          name: 'city bureau list (50 newest)',
          viewer: { unitId: '410700000000:petition-bureau', kind: 'petition-bureau', divisionCode: '410700000000', lineage: [] },
          tail: () => ({ sql: 'ORDER BY c.registered_at DESC LIMIT 50', params: [] }),
        },
      ];
      const results = [];
      for (const list of lists) {
        const now = caseVisibilitySql(list.viewer, 1, 'c');
        const old = before(list.viewer, 1);
        const tail = list.tail(5);
        const select = list.name.includes('count') ? 'count(*)' : 'c.case_id';
        const tailOld = tail.sql.replace(/c\.held_by @> ARRAY\[(\$\d+)::text\]/, '$1 = ANY(c.held_by)');
        const b = await explain(
          db,
          `SELECT ${select} FROM case_replica c WHERE ${old.visible} ${tailOld}`,
          [...old.params, ...tail.params],
          args.runs,
        );
        const a = await explain(
          db,
          `SELECT ${select} FROM case_replica c WHERE ${now.visible} ${tail.sql}`,
          [...now.params, ...tail.params],
          args.runs,
        );
        results.push({ list: list.name, beforeMs: b.p50, afterMs: a.p50, beforePlan: b.plan, afterPlan: a.plan });
      }
      const load1 = loadAverage();
      process.stdout.write(
        `case_replica with ${args.cases} cases; EXPLAIN ANALYZE execution time, median of ${args.runs}; load ${load0} → ${load1}\n`,
      );
      process.stdout.write(`${'list'.padEnd(42)} ${'before ms'.padStart(10)} ${'after ms'.padStart(10)}  plan after\n`);
      for (const r of results) {
        process.stdout.write(
          `${r.list.padEnd(42)} ${r.beforeMs.toFixed(2).padStart(10)} ${r.afterMs.toFixed(2).padStart(10)}  ${r.afterPlan}\n`,
        );
        process.stdout.write(`${''.padEnd(42)} ${''.padStart(10)} ${''.padStart(10)}  (before: ${r.beforePlan})\n`);
      }
      const file = writeResult('visibility', { cases: args.cases, runs: args.runs, load: { start: load0, end: load1 }, results });
      process.stdout.write(`JSON: ${file}\n`);
    },
    args.keep,
  );
}

void main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
