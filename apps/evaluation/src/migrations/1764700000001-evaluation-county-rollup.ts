import { dropTables, sqlMigration } from '@sunshine/platform';

/**
 * The county-level sums of the daily rollups (day × county × metric × outcome): what a city or county dashboard reads,
 * a few thousand rows a month whatever the number of cases (docs/evaluation.md, "Benchmark").
 */
export const EvaluationCountyRollup1764700000001 = sqlMigration('EvaluationCountyRollup1764700000001', {
  up: [
    `CREATE TABLE kpi_daily_county (
      day date NOT NULL,
      county text NOT NULL,
      metric text NOT NULL,
      outcome text NOT NULL,
      n int NOT NULL,
      persons int NOT NULL,
      PRIMARY KEY (day, county, metric, outcome))`,
    `CREATE INDEX kpi_daily_county_county_day ON kpi_daily_county (county text_pattern_ops, day)`,
  ],
  down: dropTables('kpi_daily_county'),
});
