import type { DataSource } from 'typeorm';

import { withTimeout } from '../health/dependency.indicators';
import type { MetricsRegistry } from './metrics.registry';

/**
 * A gauge read at each scrape from one read-only query of the service's schema: every row is a sample, its `labels`
 * columns the label values and its `n` column the value. A query that fails or takes longer than 2 s keeps the last
 * values (a scrape never fails on PostgreSQL).
 */
export function sqlGauge<L extends string>(
  metrics: MetricsRegistry,
  dataSource: DataSource,
  options: { name: string; help: string; labelNames: readonly L[]; sql: string },
): void {
  const { sql, labelNames } = options;
  metrics.gauge({
    name: options.name,
    help: options.help,
    labelNames,
    async collect() {
      const rows = await withTimeout(dataSource.query<Array<Record<L | 'n', string | number | null>>>(sql), options.name).catch(
        () => undefined,
      );
      if (!rows) return;
      this.reset();
      for (const row of rows) {
        const labels = Object.fromEntries(labelNames.map((l) => [l, String(row[l] ?? '')])) as Record<L, string>;
        this.set(labels, Number(row.n ?? 0));
      }
    },
  });
}
