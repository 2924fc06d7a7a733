import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';

import { type KpiCounts, kpiFigures, kpiPeriodOf } from '@sunshine/domain';
import { loadDemoOrg } from '@sunshine/platform';
import { Client } from 'pg';
import type { QueryRunner } from 'typeorm';

import { EvaluationInitial1764700000000 } from '../../apps/evaluation/src/migrations/1764700000000-evaluation-initial';
import { EvaluationCountyRollup1764700000001 } from '../../apps/evaluation/src/migrations/1764700000001-evaluation-county-rollup';
import { benchArgs, loadAverage, percentile, writeResult } from './bench-support';

/**
 * Evaluation's dashboard queries over the rollups of N cases (default 1,000,000, a year of the demo city): the rollups
 * are seeded in a scratch schema (the real migrations) as the reactions would leave them (each case's facts summed per
 * day × unit × place × channel × category × metric × outcome, and per day × county), then the city dashboard's KPI
 * query (a month of the whole city), a county's, a township's and a unit's are timed. Figures only.
 *
 *   npm run bench evaluation -- --cases 1000000 --runs 30
 */
const args = benchArgs({ cases: 1_000_000, runs: 30, keep: false });

const CITY_QUERY = `SELECT metric, outcome, sum(n) AS n, sum(persons) AS persons FROM kpi_daily_county
  WHERE day BETWEEN $1 AND $2 AND ($3::text IS NULL OR county LIKE $3) GROUP BY metric, outcome`;
const FINE_QUERY = `SELECT metric, outcome, sum(n) AS n, sum(persons) AS persons FROM kpi_daily
  WHERE day BETWEEN $1 AND $2 AND ($3::text IS NULL OR unit_id = $3) AND ($4::text IS NULL OR division LIKE $4) GROUP BY metric, outcome`;

/** The facts of N synthetic cases (SQL-side): volume, dispatches, acceptance, reply, replied, ratings, settlement, orders. */
async function seed(db: Client, schema: string, n: number, units: string[], places: string[]): Promise<void> {
  await db.query(`SET search_path = "${schema}"`);
  await db.query(
    `CREATE TEMP TABLE bench_cases AS
    SELECT g AS id, DATE '2026-01-01' + (g % 365) AS day, ($1::text[])[1 + (g::bigint * 7919) % array_length($1::text[], 1)] AS unit_id,
           ($2::text[])[1 + (g::bigint * 104729) % array_length($2::text[], 1)] AS division,
           (ARRAY['visit','letter','online','hotline','app'])[1 + g % 5] AS channel,
           (ARRAY['labour','demolition','environment','education','health','transport','land-resources','other'])[1 + (g / 5) % 8] AS category,
           CASE WHEN g % 997 = 0 THEN 30 ELSE 1 END AS persons
      FROM generate_series(1, $3::int) AS g`,
    [units, places, n],
  );
  const facts = `
    SELECT day, unit_id, division, channel, category, 'volume' AS metric, 'case' AS outcome, persons FROM bench_cases
    UNION ALL SELECT day, unit_id, division, channel, category, 'dispatch-received', CASE WHEN id % 4 = 0 THEN 'assign' ELSE 'forward' END, persons FROM bench_cases
    UNION ALL SELECT day, unit_id, division, channel, category, 'acceptance', CASE WHEN id % 17 = 0 THEN 'late' WHEN id % 41 = 0 THEN 'overdue' ELSE 'on-time' END, persons FROM bench_cases
    UNION ALL SELECT day + 20, unit_id, division, channel, category, 'reply', CASE WHEN id % 13 = 0 THEN 'late' ELSE 'on-time' END, persons FROM bench_cases WHERE id % 5 <> 0
    UNION ALL SELECT day + 20, unit_id, division, channel, category, 'replied', 'original', persons FROM bench_cases WHERE id % 5 <> 0
    UNION ALL SELECT day + 25, unit_id, division, channel, category, 'rating-handling-unit',
      (ARRAY['satisfied','basically-satisfied','dissatisfied'])[1 + id % 3], persons FROM bench_cases WHERE id % 5 <> 0 AND id % 3 <> 1
    UNION ALL SELECT day + 50, unit_id, division, channel, category, 'settlement', CASE WHEN id % 9 = 0 THEN 'reviewed' ELSE 'once' END, persons FROM bench_cases WHERE id % 5 <> 0
    UNION ALL SELECT day + 30, unit_id, division, channel, category, 'order', 'delay', persons FROM bench_cases WHERE id % 50 = 0`;
  await db.query(`INSERT INTO kpi_daily (day, unit_id, division, channel, category, metric, outcome, n, persons)
    SELECT day, unit_id, division, channel, category, metric, outcome, count(*), sum(persons) FROM (${facts}) f GROUP BY 1, 2, 3, 4, 5, 6, 7`);
  await db.query(`INSERT INTO kpi_daily_county (day, county, metric, outcome, n, persons)
    SELECT day, substr(division, 1, 6) || '000000', metric, outcome, sum(n), sum(persons) FROM kpi_daily GROUP BY 1, 2, 3, 4`);
  await db.query(`ANALYZE kpi_daily`);
  await db.query(`ANALYZE kpi_daily_county`);
}

async function time(db: Client, sql: string, params: unknown[], runs: number): Promise<{ p50: number; p95: number; counts: KpiCounts }> {
  const ms: number[] = [];
  let counts: KpiCounts = {};
  for (let i = 0; i < runs + 3; i++) {
    const start = performance.now();
    const { rows } = await db.query<{ metric: string; outcome: string; n: string; persons: string }>(sql, params);
    const c: Record<string, Record<string, { n: number; persons: number }>> = {};
    for (const r of rows) (c[r.metric] ??= {})[r.outcome] = { n: Number(r.n), persons: Number(r.persons) };
    counts = c as KpiCounts;
    kpiFigures(counts);
    if (i >= 3) ms.push(performance.now() - start);
  }
  return { p50: percentile(ms, 50), p95: percentile(ms, 95), counts };
}

async function main(): Promise<void> {
  const load0 = loadAverage();
  const db = new Client({ connectionString: process.env['DATABASE_URL'] ?? 'postgres://sunshine:sunshine@127.0.0.1:5432/sunshine' });
  await db.connect();
  const schema = `bench_eval_${randomBytes(3).toString('hex')}`;
  try {
    await db.query(`CREATE SCHEMA "${schema}"`);
    await db.query(`SET search_path = "${schema}"`);
    const runner = { query: (s: string) => db.query(s) } as unknown as QueryRunner;
    for (const M of [EvaluationInitial1764700000000, EvaluationCountyRollup1764700000001]) await new M().up(runner);
    const org = await loadDemoOrg();
    const units = org.units.filter((u) => u.divisionCode.startsWith('4107')).map((u) => u.id);
    const places = org.units.filter((u) => u.level === 'township' && u.divisionCode.startsWith('4107')).map((u) => u.divisionCode);
    const seeded = performance.now();
    await seed(db, schema, args.cases, units, places);
    const seedMs = performance.now() - seeded;
    const [{ rows: fine }, { rows: county }] = [
      await db.query<{ n: string }>(`SELECT count(*) AS n FROM kpi_daily`),
      await db.query<{ n: string }>(`SELECT count(*) AS n FROM kpi_daily_county`),
    ];
    const month = kpiPeriodOf('month', '2026-06-15');
    const township = places[0] ?? '410726101000';
    const { rows: busiest } = await db.query<{ unit_id: string }>(
      `SELECT unit_id FROM kpi_daily GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`,
    );
    const unit = busiest[0]?.unit_id ?? '410726000000:petition-bureau';
    const results = {
      'city dashboard (month, kpi_daily_county)': await time(db, CITY_QUERY, [month.from, month.to, '4107%'], args.runs),
      'county (month, kpi_daily_county)': await time(db, CITY_QUERY, [month.from, month.to, '410726%'], args.runs),
      'city dashboard (year, kpi_daily_county)': await time(db, CITY_QUERY, [`2026-01-01`, `2026-12-31`, '4107%'], args.runs),
      'township (month, kpi_daily)': await time(db, FINE_QUERY, [month.from, month.to, null, `${township.slice(0, 9)}%`], args.runs),
      'unit (month, kpi_daily)': await time(db, FINE_QUERY, [month.from, month.to, unit, null], args.runs),
      'city (month, kpi_daily, without the county sums)': await time(
        db,
        FINE_QUERY,
        [month.from, month.to, null, '4107%'],
        Math.min(args.runs, 5),
      ),
    };
    process.stdout.write(
      `evaluation rollups: ${args.cases} cases, ${fine[0]?.n} kpi_daily rows, ${county[0]?.n} kpi_daily_county rows, seeded in ${(seedMs / 1000).toFixed(1)} s; load ${load0} → ${loadAverage()}\n`,
    );
    for (const [name, r] of Object.entries(results)) {
      process.stdout.write(
        `${name.padEnd(52)} p50 ${r.p50.toFixed(1).padStart(8)} ms   p95 ${r.p95.toFixed(1).padStart(8)} ms   cases ${r.counts.volume?.['case']?.n ?? 0}\n`,
      );
    }
    const file = writeResult('evaluation', {
      cases: args.cases,
      rows: { kpiDaily: Number(fine[0]?.n), kpiDailyCounty: Number(county[0]?.n) },
      seedMs,
      load: [load0, loadAverage()],
      results: Object.fromEntries(Object.entries(results).map(([k, v]) => [k, { p50: v.p50, p95: v.p95 }])),
    });
    process.stdout.write(`written ${file}\n`);
  } finally {
    if (!args.keep) await db.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await db.end();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`evaluation bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
