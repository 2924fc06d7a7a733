import { Injectable } from '@nestjs/common';
import { type KpiFact, kpiFactSignature } from '@sunshine/domain';
import type { EntityManager } from 'typeorm';

/** Where a fact comes from: recomputed from the case's state (a key may disappear), or given once by an event. */
export type KpiFactSource = 'state' | 'event';

interface StoredFact extends KpiFact {
  readonly source: KpiFactSource;
}

const COLUMNS = 'metric, outcome, unit_id, day, division, channel, category, persons';

/** The county-level code of a place ('' when the case has no place): the key of the dashboards' rollup. */
export function countyOf(division: string): string {
  return /^\d{12}$/.test(division) ? `${division.slice(0, 6)}000000` : '';
}

/**
 * Each case's KPI facts and their daily rollups, kept in step: a fact written with the same key and dimensions changes
 * nothing, a changed one moves its count from the old rollup row to the new one, so a replayed or redelivered event
 * never counts twice.
 */
@Injectable()
export class KpiRollupStore {
  /** Makes the case's facts from `source` exactly `facts` (state) or adds/rewrites `facts` by key (event). */
  async sync(m: EntityManager, caseId: string, source: KpiFactSource, facts: readonly KpiFact[]): Promise<void> {
    if (source === 'event' && facts.length === 0) return;
    const stored = await this.stored(m, caseId, source === 'event' ? facts.map((f) => f.key) : null);
    const old = new Map(stored.filter((f) => f.source === source || source === 'event').map((f) => [f.key, f]));
    const deltas: Array<[KpiFact, 1 | -1]> = [];
    for (const f of facts) {
      const before = old.get(f.key);
      old.delete(f.key);
      if (before && kpiFactSignature(before) === kpiFactSignature(f)) continue;
      if (before) deltas.push([before, -1]);
      deltas.push([f, 1]);
      await m.query(
        `INSERT INTO kpi_facts (case_id, fact_key, source, ${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
         ON CONFLICT (case_id, fact_key) DO UPDATE SET source = $3, metric = $4, outcome = $5, unit_id = $6, day = $7, division = $8,
           channel = $9, category = $10, persons = $11`,
        [caseId, f.key, source, f.metric, f.outcome, f.unitId, f.day, f.division, f.channel, f.category, f.persons],
      );
    }
    if (source === 'state') {
      for (const gone of old.values()) {
        deltas.push([gone, -1]);
        await m.query(`DELETE FROM kpi_facts WHERE case_id = $1 AND fact_key = $2`, [caseId, gone.key]);
      }
    }
    // One order for every transaction, so two cases updating the same rows cannot deadlock.
    deltas.sort(([a], [b]) => kpiFactSignature(a).localeCompare(kpiFactSignature(b)));
    for (const [f, sign] of deltas) await this.add(m, f, sign);
  }

  private async stored(m: EntityManager, caseId: string, keys: string[] | null): Promise<StoredFact[]> {
    const rows = await m.query<Array<Record<string, unknown>>>(
      `SELECT fact_key, source, ${COLUMNS}, to_char(day, 'YYYY-MM-DD') AS day_text FROM kpi_facts
        WHERE case_id = $1 AND ($2::text[] IS NULL OR fact_key = ANY($2))`,
      [caseId, keys],
    );
    return rows.map((r) => ({
      key: String(r['fact_key']),
      source: r['source'] as KpiFactSource,
      metric: r['metric'] as KpiFact['metric'],
      outcome: String(r['outcome']),
      unitId: String(r['unit_id']),
      day: String(r['day_text']),
      division: String(r['division']),
      channel: String(r['channel']),
      category: String(r['category']),
      persons: Number(r['persons']),
    }));
  }

  private async add(m: EntityManager, f: KpiFact, sign: 1 | -1): Promise<void> {
    await m.query(
      `INSERT INTO kpi_daily (day, unit_id, division, channel, category, metric, outcome, n, persons) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (day, unit_id, division, channel, category, metric, outcome)
       DO UPDATE SET n = kpi_daily.n + EXCLUDED.n, persons = kpi_daily.persons + EXCLUDED.persons`,
      [f.day, f.unitId, f.division, f.channel, f.category, f.metric, f.outcome, sign, sign * f.persons],
    );
    await m.query(
      `INSERT INTO kpi_daily_county (day, county, metric, outcome, n, persons) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (day, county, metric, outcome) DO UPDATE SET n = kpi_daily_county.n + EXCLUDED.n, persons = kpi_daily_county.persons + EXCLUDED.persons`,
      [f.day, countyOf(f.division), f.metric, f.outcome, sign, sign * f.persons],
    );
  }
}
