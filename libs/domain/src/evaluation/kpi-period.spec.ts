import { kpiPeriodOf, previousKpiPeriod, samePeriodLastYear } from './kpi-period';

describe('KPI periods (Asia/Shanghai calendar periods)', () => {
  it('gives the period of each kind that contains a day', () => {
    expect(kpiPeriodOf('day', '2026-11-30')).toEqual({ kind: 'day', from: '2026-11-30', to: '2026-11-30', label: '2026-11-30' });
    // Mon 2026-11-30 … Sun 2026-12-06, ISO week 49.
    expect(kpiPeriodOf('week', '2026-12-02')).toEqual({ kind: 'week', from: '2026-11-30', to: '2026-12-06', label: '2026-W49' });
    expect(kpiPeriodOf('month', '2026-02-14')).toEqual({ kind: 'month', from: '2026-02-01', to: '2026-02-28', label: '2026-02' });
    expect(kpiPeriodOf('bi-month', '2026-12-02')).toEqual({ kind: 'bi-month', from: '2026-11-01', to: '2026-12-31', label: '2026-B6' });
    expect(kpiPeriodOf('bi-month', '2028-01-10')).toEqual({ kind: 'bi-month', from: '2028-01-01', to: '2028-02-29', label: '2028-B1' });
    expect(kpiPeriodOf('quarter', '2026-08-31')).toEqual({ kind: 'quarter', from: '2026-07-01', to: '2026-09-30', label: '2026-Q3' });
    expect(kpiPeriodOf('year', '2026-08-31')).toEqual({ kind: 'year', from: '2026-01-01', to: '2026-12-31', label: '2026' });
  });

  it('puts a week that straddles new year in the year of its Thursday', () => {
    // Thu 2027-01-01 → the week of Mon 2026-12-28 is 2026-W53.
    expect(kpiPeriodOf('week', '2027-01-03')).toEqual({ kind: 'week', from: '2026-12-28', to: '2027-01-03', label: '2026-W53' });
    expect(kpiPeriodOf('week', '2026-01-01')).toEqual({ kind: 'week', from: '2025-12-29', to: '2026-01-04', label: '2026-W01' });
  });

  it('gives 环比 (the period before) and 同比 (the same period a year earlier)', () => {
    expect(previousKpiPeriod(kpiPeriodOf('month', '2026-01-15'))).toMatchObject({ from: '2025-12-01', to: '2025-12-31' });
    expect(previousKpiPeriod(kpiPeriodOf('bi-month', '2026-03-01'))).toMatchObject({
      from: '2026-01-01',
      to: '2026-02-28',
      label: '2026-B1',
    });
    expect(previousKpiPeriod(kpiPeriodOf('quarter', '2026-01-01'))).toMatchObject({ label: '2025-Q4' });
    expect(samePeriodLastYear(kpiPeriodOf('month', '2026-11-03'))).toMatchObject({ from: '2025-11-01', to: '2025-11-30' });
    expect(samePeriodLastYear(kpiPeriodOf('day', '2028-02-29'))).toMatchObject({ from: '2027-02-28' });
    expect(samePeriodLastYear(kpiPeriodOf('quarter', '2026-05-05'))).toMatchObject({ label: '2025-Q2' });
  });
});
