import { getQueueToken } from '@nestjs/bullmq';
import type { EventOf } from '@sunshine/contracts';
import { DEMO_COUNTY, DEMO_FENGQIU, DEMO_FENGZHUANG } from '@sunshine/testing';
import type { Queue } from 'bullmq';
import ExcelJS from 'exceljs';

import { rebuildProjections } from '../src/ops/rebuild-projections';
import { REPORT_QUEUE } from '../src/reports/report.queue';
import { ReportService } from '../src/reports/report.service';
import { CaseScript } from './support/case-script';
import { EvaluationWorld, UNITS } from './support/evaluation-world';

jest.setTimeout(600_000);

interface Ratio {
  numerator: number;
  denominator: number;
  rate: number | null;
}
interface KpiBody {
  period: { label: string; from: string; to: string };
  figures: Record<string, Ratio> & { counts: Record<string, number> };
  previous: { period: { label: string } };
  lastYear: { period: { label: string } };
  change: { monthOnMonth: Record<string, number | null>; yearOnYear: Record<string, number | null> };
}

const NOV = '/kpis?period=month&date=2026-11-15';
const YANJIN = `${NOV}&division=${DEMO_COUNTY}`;

/**
 * A scripted November 2026 in 延津县 (the county bureau forwards to 人社局, handler staff-a) and 封丘县 (staff-f), with
 * three older cases answered, left unanswered and closed in November. Every expected figure is counted by hand below.
 */
describe('evaluation: a scripted month gives the KPIs, scores, rank order and staff flags counted by hand', () => {
  const world = EvaluationWorld.forSuite();
  const c: Record<string, CaseScript> = {};
  let c1Rated: EventOf<'petition.rated'> | undefined;
  let c2Accepted: EventOf<'case.accepted'> | undefined;

  beforeAll(async () => {
    // September: C3 (answered late in November), C4 (never answered), C6 (answered in October, closed in November).
    c['C3'] = await new CaseScript(world).throughAcceptance('2026-09-01T01:00:00.000Z', '2026-09-02T02:00:00.000Z', 'staff-a');
    c['C4'] = await new CaseScript(world).throughAcceptance('2026-09-03T01:00:00.000Z', '2026-09-04T02:00:00.000Z', 'staff-a');
    c['C6'] = await new CaseScript(world).throughAcceptance('2026-09-10T01:00:00.000Z', '2026-09-11T02:00:00.000Z', 'staff-b');
    await c['C6'].replied('2026-10-09T02:00:00.000Z');
    await c['C6'].served('2026-10-09T03:00:00.000Z');
    // November. C4's 60 days from 9/4 end Tue 11/3: warned (催办) 11/1, overdue at 24:00, a 督办 on 11/5.
    await c['C4'].warned('2026-11-01T00:00:00.000Z', '2026-11-03T16:00:00.000Z');
    c['C1'] = await new CaseScript(world).throughAcceptance('2026-11-02T01:00:00.000Z', '2026-11-03T02:00:00.000Z', 'staff-a');
    // C2: dispatched Mon 11/2, 15 days end Tue 11/17: accepted late on 11/20.
    const c2 = new CaseScript(world);
    c['C2'] = c2;
    await c2.registered('2026-11-02T01:00:00.000Z');
    await c2.dispatched('2026-11-02T02:00:00.000Z');
    await c2.signed('2026-11-02T03:00:00.000Z');
    c['F1'] = await new CaseScript(world, UNITS.fengqiuBureau, UNITS.fengqiuHrss).throughAcceptance(
      '2026-11-03T01:00:00.000Z',
      '2026-11-04T02:00:00.000Z',
      'staff-f',
      { placeCode: DEMO_FENGQIU },
    );
    await c['C4'].overdue('2026-11-04T00:00:00.000Z', '2026-11-03T16:00:00.000Z');
    await c['C4'].ordered('2026-11-05T02:00:00.000Z');
    // C5: a collective visit of 30 from 丰庄镇.
    c['C5'] = await new CaseScript(world).throughAcceptance('2026-11-05T01:00:00.000Z', '2026-11-06T02:00:00.000Z', 'staff-a', {
      placeCode: DEMO_FENGZHUANG,
      form: { kind: 'collective', headCount: 30, representatives: 5 },
    });
    // C8: forwarded to 住建局, which objects (退回); forwarded again to 人社局, accepted on time.
    const c8 = new CaseScript(world);
    c['C8'] = c8;
    await c8.registered('2026-11-09T01:00:00.000Z');
    await c8.dispatched('2026-11-09T02:00:00.000Z', UNITS.housing);
    await c8.signed('2026-11-09T03:00:00.000Z', UNITS.housing);
    await c8.objection('2026-11-10T02:00:00.000Z', UNITS.housing);
    await c8.objectionApproved('2026-11-10T06:00:00.000Z', UNITS.housing);
    await c8.dispatched('2026-11-10T07:00:00.000Z', UNITS.hrss, 2);
    await c8.signed('2026-11-10T08:00:00.000Z');
    await c8.accepted('2026-11-11T02:00:00.000Z');
    await c['C6'].closed('2026-11-10T01:00:00.000Z');
    await c['C1'].replied('2026-11-10T02:00:00.000Z');
    await c['C1'].served('2026-11-10T03:00:00.000Z');
    c1Rated = await c['C1'].rated('2026-11-12T02:00:00.000Z', 'satisfied');
    await c['C1'].rated('2026-11-12T02:05:00.000Z', 'basically-satisfied', 'bureau');
    await c['F1'].replied('2026-11-12T02:00:00.000Z');
    await c['F1'].served('2026-11-12T03:00:00.000Z');
    await c['F1'].rated('2026-11-13T02:00:00.000Z', 'satisfied');
    await c['C5'].replied('2026-11-16T02:00:00.000Z');
    await c['C5'].served('2026-11-16T03:00:00.000Z');
    c['F2'] = await new CaseScript(world, UNITS.fengqiuBureau, UNITS.fengqiuHrss).throughAcceptance(
      '2026-11-16T01:00:00.000Z',
      '2026-11-17T02:00:00.000Z',
      'staff-f',
      {
        placeCode: DEMO_FENGQIU,
        flags: { skipLevel: true, confidential: false, lawsuit: false },
      },
    );
    c2Accepted = await c2.accepted('2026-11-20T02:00:00.000Z');
    await c2.handler('2026-11-20T03:00:00.000Z', 'staff-a');
    await c['C3'].replied('2026-11-20T02:00:00.000Z');
    await c['C3'].served('2026-11-20T03:00:00.000Z');
    await c['C2'].replied('2026-11-25T02:00:00.000Z');
    await c['C2'].served('2026-11-25T03:00:00.000Z');
    // staff-a: 满意 (C1), then 不满意 on C2, C3 and C5 in a row.
    await c['C2'].rated('2026-11-26T02:00:00.000Z', 'dissatisfied');
    await c['C3'].rated('2026-11-27T02:00:00.000Z', 'dissatisfied');
    await c['C2'].reviewRequested('2026-11-27T03:00:00.000Z');
    await c['C5'].rated('2026-11-28T02:00:00.000Z', 'dissatisfied');
  });

  const yanjinNovember = {
    timelyAcceptance: { numerator: 3, denominator: 4, rate: 0.75 },
    onTimeReply: { numerator: 3, denominator: 5, rate: 0.6 },
    ratingParticipation: { numerator: 4, denominator: 4, rate: 1 },
    satisfactionHandling: { numerator: 1, denominator: 4, rate: 0.25 },
    satisfactionBureau: { numerator: 1, denominator: 1, rate: 1 },
    repeatRate: { numerator: 0, denominator: 4, rate: 0 },
    skipLevelShare: { numerator: 0, denominator: 4, rate: 0 },
    onceResolution: { numerator: 1, denominator: 2, rate: 0.5 },
    resolution: { numerator: 1, denominator: 2, rate: 0.5 },
    objectionRate: { numerator: 1, denominator: 5, rate: 0.2 },
    lastDayReplyShare: { numerator: 0, denominator: 3, rate: 0 },
    callbackRatingShare: { numerator: 0, denominator: 5, rate: 0 },
    // No registration of the scripted month carried a category suggestion.
    suggestionAcceptance: { numerator: 0, denominator: 0, rate: null },
    counts: {
      cases: 4,
      persons: 33,
      collectiveCases: 1,
      collectivePersons: 30,
      skipLevelCases: 0,
      orders: 1,
      reminders: 1,
      forwarded: 5,
      assigned: 0,
      objections: 1,
      overdue: 3,
    },
  };

  it('gives 延津县 its November KPIs, with 环比 against October and 同比 against an empty November 2025', async () => {
    const res = await world.call<KpiBody>('GET', YANJIN, undefined, await world.token('countyBureau'));
    expect(res.status).toBe(200);
    expect(res.body.period).toEqual({ kind: 'month', from: '2026-11-01', to: '2026-11-30', label: '2026-11' });
    expect(res.body.figures).toEqual(yanjinNovember);
    // October: C6 answered on time (1 of 1), no case received.
    expect(res.body.previous.period.label).toBe('2026-10');
    expect(res.body.change.monthOnMonth).toMatchObject({ onTimeReply: -0.4, timelyAcceptance: null, cases: 4, persons: 33, overdue: 3 });
    expect(res.body.lastYear.period.label).toBe('2025-11');
    expect(res.body.change.yearOnYear).toMatchObject({ onTimeReply: null, cases: 4, orders: 1 });
  });

  it('gives 封丘县 and 人社局 their own figures, and refuses figures outside the caller’s unit and territory', async () => {
    const fengqiu = await world.call<KpiBody>('GET', `${NOV}&division=${DEMO_FENGQIU}`, undefined, await world.token('cityBureau'));
    expect(fengqiu.body.figures).toMatchObject({
      timelyAcceptance: { numerator: 2, denominator: 2, rate: 1 },
      onTimeReply: { numerator: 1, denominator: 1, rate: 1 },
      satisfactionHandling: { numerator: 1, denominator: 1, rate: 1 },
      skipLevelShare: { numerator: 1, denominator: 2, rate: 0.5 },
      onceResolution: { numerator: 0, denominator: 0, rate: null },
      counts: { cases: 2, persons: 2, skipLevelCases: 1, orders: 0, overdue: 0 },
    });
    const hrss = await world.call<KpiBody>('GET', `${NOV}&unitId=${UNITS.hrss}`, undefined, await world.token('hrss', ['head']));
    expect(hrss.status).toBe(200);
    expect(hrss.body.figures).toMatchObject({
      timelyAcceptance: { numerator: 3, denominator: 4, rate: 0.75 },
      onTimeReply: { numerator: 3, denominator: 5, rate: 0.6 },
      satisfactionHandling: { numerator: 1, denominator: 4, rate: 0.25 },
      counts: { cases: 0, orders: 1, reminders: 1, objections: 0 },
    });
    const housing = await world.call<KpiBody>('GET', `${NOV}&unitId=${UNITS.housing}`, undefined, await world.token('countyBureau'));
    expect(housing.body.figures.objectionRate).toEqual({ numerator: 1, denominator: 1, rate: 1 });
    expect((await world.call('GET', YANJIN, undefined, await world.token('hrss', ['head']))).body).toMatchObject({
      code: 'FIGURES_OUT_OF_SCOPE',
    });
    expect((await world.call('GET', YANJIN, undefined, await world.token('fengqiuBureau'))).status).toBe(403);
    expect((await world.call('GET', YANJIN, undefined, await world.token('countyBureau', ['clerk']))).status).toBe(403);
    expect((await world.call('GET', '/kpis?period=fortnight&date=2026-11-15', undefined, await world.token('countyBureau'))).status).toBe(
      400,
    );
  });

  it('lists every unit’s figures of a territory to its bureau, and its own row only to a unit', async () => {
    type Units = { units: Array<{ unitId: string; satisfactionOutsidePeerNorm: boolean; figures: KpiBody['figures'] }> };
    const county = await world.call<Units>('GET', '/kpis/units?period=month&date=2026-11-15', undefined, await world.token('countyBureau'));
    expect(county.body.units.map((u) => [u.unitId, u.figures.counts['cases'], u.satisfactionOutsidePeerNorm])).toEqual([
      [UNITS.housing, 0, false],
      [UNITS.hrss, 0, false],
      [UNITS.countyBureau, 4, false],
    ]);
    const own = await world.call<Units>('GET', '/kpis/units?period=month&date=2026-11-15', undefined, await world.token('hrss', ['head']));
    expect(own.body.units.map((u) => u.unitId)).toEqual([UNITS.hrss]);
  });

  it('lists the cases behind a figure to those who may see them', async () => {
    const overdue = `/kpis/cases?period=month&date=2026-11-15&division=${DEMO_COUNTY}&metric=reply&outcome=overdue`;
    const county = await world.call<{ items: Array<{ caseId: string; day: string; unitId: string }>; total: number }>(
      'GET',
      overdue,
      undefined,
      await world.token('countyBureau'),
    );
    expect(county.body).toEqual({
      total: 1,
      items: [expect.objectContaining({ caseId: c['C4']?.caseId, day: '2026-11-03', unitId: UNITS.hrss, channel: 'visit' })],
    });
    const onTime = await world.call<{ items: Array<{ caseId: string }>; total: number }>(
      'GET',
      overdue.replace('overdue', 'on-time'),
      undefined,
      await world.token('cityBureau'),
    );
    expect(onTime.body.items.map((i) => i.caseId)).toEqual([c['C1']?.caseId, c['C5']?.caseId, c['C2']?.caseId]);
    expect((await world.call('GET', overdue, undefined, await world.token('fengqiuBureau'))).status).toBe(403);
  });

  it('scores the counties by the city’s scheme and ranks them, red and black lists, published once', async () => {
    const admin = await world.token('cityBureau', ['admin']);
    const scheme = {
      divisionCode: '410700000000',
      reason: '2026年双月考核方案',
      scheme: {
        weights: { timelyAcceptance: 20, onTimeReply: 30, satisfactionHandling: 30, onceResolution: 20 },
        deductions: { overdue: 1, orders: 2, skipLevelCases: 1, collectiveCases: 1 },
        bonuses: [{ code: 'no-orders', label: '无督办', count: 'orders', atMost: 0, points: 2 }],
        lists: { top: 1, bottom: 1 },
      },
    };
    expect(
      (await world.call('PUT', '/scoring-schemes/county-bimonthly', scheme, await world.token('countyBureau', ['admin']))).status,
    ).toBe(403);
    const saved = await world.call('PUT', '/scoring-schemes/county-bimonthly', scheme, admin);
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ id: 'county-bimonthly', version: 1, divisionCode: '410700000000' });

    const body = { divisionCode: '410700000000', level: 'county', period: 'bi-month', date: '2026-11-15' };
    const published = await world.call<{ rows: Array<Record<string, unknown>>; red: string[]; black: string[]; period: { label: string } }>(
      'POST',
      '/rankings',
      body,
      await world.token('cityBureau'),
    );
    expect(published.status).toBe(201);
    expect(published.body.period.label).toBe('2026-B6');
    // 延津: 20×0.75 + 30×0.6 + 30×0.25 + 20×0.5 = 50.5, − 3 overdue − 2 (one 督办) − 1 (one collective visit) = 44.5.
    // 封丘: 20 + 30 + 30 + 20 (nothing settled: the full weight) = 100, − 1 (one 越级访) + 2 (无督办) = 101.
    expect(published.body.rows).toEqual([
      {
        subject: DEMO_FENGQIU,
        rank: 1,
        score: 101,
        earned: { timelyAcceptance: 20, onTimeReply: 30, satisfactionHandling: 30, onceResolution: 20 },
        deducted: { skipLevelCases: 1 },
        bonus: { 'no-orders': 2 },
      },
      {
        subject: DEMO_COUNTY,
        rank: 2,
        score: 44.5,
        earned: { timelyAcceptance: 15, onTimeReply: 18, satisfactionHandling: 7.5, onceResolution: 10 },
        deducted: { overdue: 3, orders: 2, collectiveCases: 1 },
        bonus: {},
      },
    ]);
    expect(published.body.red).toEqual([DEMO_FENGQIU]);
    expect(published.body.black).toEqual([DEMO_COUNTY]);
    expect((await world.call('POST', '/rankings', body, await world.token('cityBureau'))).body).toMatchObject({
      code: 'RANKING_PUBLISHED',
    });
    const events = await world.sql<{ value: { payload: Record<string, unknown> } }>(
      `SELECT value FROM outbox WHERE type = 'evaluation.ranking-published'`,
    );
    expect(events.map((e) => e.value.payload)).toEqual([
      expect.objectContaining({
        red: [DEMO_FENGQIU],
        black: [DEMO_COUNTY],
        rows: [
          { subject: DEMO_FENGQIU, rank: 1, score: 101 },
          { subject: DEMO_COUNTY, rank: 2, score: 44.5 },
        ],
      }),
    ]);
  });

  it('flags staff-a once for the quarter after two 不满意 in a row (C2, C3), not again after the third', async () => {
    const flags = await world.sql<{ value: { payload: Record<string, unknown> } }>(
      `SELECT value FROM outbox WHERE type = 'evaluation.staff-flagged'`,
    );
    expect(flags.map((f) => f.value.payload)).toEqual([
      expect.objectContaining({
        staffId: 'staff-a',
        unitId: UNITS.hrss,
        quarter: { kind: 'quarter', label: '2026-Q4', from: '2026-10-01', to: '2026-12-31' },
        streak: 2,
        caseIds: [c['C2']?.caseId, c['C3']?.caseId],
      }),
    ]);
  });

  it('changes nothing when an event is delivered again', async () => {
    const before = await world.sql(
      `SELECT metric, outcome, sum(n)::int AS n, sum(persons)::int AS p FROM kpi_daily GROUP BY 1, 2 ORDER BY 1, 2`,
    );
    const facts = await world.count('kpi_facts');
    if (!c1Rated) throw new Error('C1 was rated in beforeAll');
    if (!c2Accepted) throw new Error('C2 was accepted in beforeAll');
    // Again, and late: C2's acceptance after every later event of C2.
    await world.deliver(c1Rated);
    await world.deliver(c2Accepted);
    expect(await world.count('case_replica_events', `case_id = $1 AND type = 'case.accepted'`, [c['C2']?.caseId])).toBe(1);
    expect(
      await world.sql(`SELECT metric, outcome, sum(n)::int AS n, sum(persons)::int AS p FROM kpi_daily GROUP BY 1, 2 ORDER BY 1, 2`),
    ).toEqual(before);
    expect(await world.count('kpi_facts')).toBe(facts);
    expect((await world.call<KpiBody>('GET', YANJIN, undefined, await world.token('countyBureau'))).body.figures).toEqual(yanjinNovember);
  });

  it('lists the flag to the county and to 人社局, not to 封丘县', async () => {
    const county = await world.call<Array<Record<string, unknown>>>(
      'GET',
      '/staff-flags?quarter=2026-Q4',
      undefined,
      await world.token('countyBureau'),
    );
    // The flag holds the quarter's longest run: C2, C3, C5 (it was announced at two).
    expect(county.body).toEqual([
      expect.objectContaining({
        staffId: 'staff-a',
        unitId: UNITS.hrss,
        quarter: '2026-Q4',
        streak: 3,
        caseIds: [c['C2']?.caseId, c['C3']?.caseId, c['C5']?.caseId],
      }),
    ]);
    expect((await world.call<unknown[]>('GET', '/staff-flags', undefined, await world.token('hrss', ['head']))).body).toHaveLength(1);
    expect((await world.call<unknown[]>('GET', '/staff-flags', undefined, await world.token('fengqiuBureau'))).body).toEqual([]);
  });

  it('stores the monthly report once, downloadable as xlsx (one sheet per table) and printable HTML, and runs the schedule', async () => {
    const bureau = await world.token('countyBureau');
    const made = await world.call<{ id: string; period: { label: string } }>(
      'POST',
      '/reports',
      { kind: 'monthly', divisionCode: DEMO_COUNTY, date: '2026-11-15' },
      bureau,
    );
    expect(made.status).toBe(201);
    expect(made.body.period.label).toBe('2026-11');
    expect(
      (await world.call('POST', '/reports', { kind: 'monthly', divisionCode: DEMO_COUNTY, date: '2026-11-30' }, bureau)).body,
    ).toMatchObject({ code: 'REPORT_EXISTS' });
    const report = await world.call<{ content: { title: string; tables: Array<{ name: string; rows: unknown[][] }> } }>(
      'GET',
      `/reports/${made.body.id}`,
      undefined,
      bureau,
    );
    const [overall, counts] = report.body.content.tables;
    expect(overall?.rows.slice(0, 2)).toEqual([
      ['及时受理率', 3, 4, '75.00%', null, null],
      ['按期答复率', 3, 5, '60.00%', '-40.00', null],
    ]);
    expect(counts?.rows[1]).toEqual(['人次', 33, 33, 33]);
    expect(report.body.content.tables.map((t) => t.name)).toEqual([
      '总体指标',
      '数量统计',
      '各单位指标',
      '渠道分布',
      '类别分布',
      '地区分布',
    ]);

    const xlsx = await fetch(`${world.url}/reports/${made.body.id}/xlsx`, { headers: { authorization: `Bearer ${bureau}` } });
    expect(xlsx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer());
    expect(book.worksheets.map((w) => w.name)).toEqual(['总体指标', '数量统计', '各单位指标', '渠道分布', '类别分布', '地区分布']);
    expect(book.getWorksheet('总体指标')?.getRow(1).values).toEqual([
      undefined,
      '指标',
      '分子',
      '分母',
      '比率',
      '环比（百分点）',
      '同比（百分点）',
    ]);
    expect(book.getWorksheet('地区分布')?.getRow(2).values).toEqual([undefined, '410726101000', 3, 3]);
    const html = await fetch(`${world.url}/reports/${made.body.id}/html`, { headers: { authorization: `Bearer ${bureau}` } });
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await html.text()).toContain('<h1>信访工作月报 410726000000 2026-11（2026-11-01 至 2026-11-30）</h1>');
    expect((await world.call('GET', `/reports/${made.body.id}`, undefined, await world.token('fengqiuBureau'))).status).toBe(404);

    // The schedule: one repeatable job per kind, in Asia/Shanghai.
    const queue = world.app?.get<Queue>(getQueueToken(REPORT_QUEUE));
    const schedulers = (await queue?.getJobSchedulers()) ?? [];
    expect(schedulers.map((j) => [j.key, j.pattern, j.tz]).sort()).toEqual([
      ['report-annual', '0 0 4 1 1 *', 'Asia/Shanghai'],
      ['report-daily', '0 30 1 * * *', 'Asia/Shanghai'],
      ['report-monthly', '0 0 3 1 * *', 'Asia/Shanghai'],
      ['report-weekly', '0 0 2 * * 1', 'Asia/Shanghai'],
    ]);
    // The monthly run on 1 December: November for every city and county bureau (延津's exists already).
    const scheduled = await world.app?.get(ReportService).scheduled('monthly', new Date('2026-11-30T19:00:00.000Z'));
    expect(scheduled?.map((r) => [r.divisionCode, r.period.label])).toEqual([
      ['410700000000', '2026-11'],
      [DEMO_FENGQIU, '2026-11'],
    ]);
    const ready = await world.sql<{ value: { payload: { divisionCode: string } } }>(
      `SELECT value FROM outbox WHERE type = 'evaluation.report-ready' ORDER BY seq`,
    );
    expect(ready.map((r) => r.value.payload.divisionCode)).toEqual([DEMO_COUNTY, '410700000000', DEMO_FENGQIU]);
    expect((await world.call<unknown[]>('GET', '/reports', undefined, await world.token('cityBureau'))).body).toHaveLength(3);
    expect((await world.call<unknown[]>('GET', '/reports', undefined, bureau)).body).toHaveLength(1);
  });

  it('rebuilds the projections from offset zero into a fresh schema with exactly the same figures', async () => {
    const target = `${world.prefix}_rb`;
    await rebuildProjections(world.env(), { schemaPrefix: target, groupPrefix: target }, 120_000);
    const rollups = (schema: string) =>
      world.sql(`SELECT to_char(day, 'YYYY-MM-DD') AS day, unit_id, division, channel, category, metric, outcome, n, persons
      FROM ${schema}.kpi_daily WHERE n <> 0 OR persons <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7`);
    const facts = (schema: string) =>
      world.sql(
        `SELECT case_id, fact_key, metric, outcome, unit_id, to_char(day, 'YYYY-MM-DD') AS day, division, persons FROM ${schema}.kpi_facts ORDER BY 1, 2`,
      );
    const flags = (schema: string) =>
      world.sql(`SELECT staff_id, unit_id, quarter, streak, case_ids FROM ${schema}.staff_flags ORDER BY 1, 3`);
    const live = `${world.prefix}_evaluation`;
    const rebuilt = `${target}_evaluation`;
    // C1 counts for: its volume, the dispatch sent and received, the acceptance and the reply (on time), the reply, two
    // ratings and who entered each.
    const c1 = await world.sql<{ metric: string; outcome: string }>(
      `SELECT metric, outcome FROM ${rebuilt}.kpi_facts WHERE case_id = $1 ORDER BY 1, 2`,
      [c['C1']?.caseId],
    );
    expect(c1.map((f) => `${f.metric}:${f.outcome}`)).toEqual([
      'acceptance:on-time',
      'dispatch-received:forward',
      'dispatch-sent:forward',
      'rating-bureau:basically-satisfied',
      'rating-entry:citizen',
      'rating-entry:citizen',
      'rating-handling-unit:satisfied',
      'replied:original',
      'reply:on-time',
      'volume:case',
    ]);
    expect(await rollups(rebuilt)).toEqual(await rollups(live));
    const counties = (schema: string) =>
      world.sql(`SELECT to_char(day, 'YYYY-MM-DD') AS day, county, metric, outcome, n, persons FROM ${schema}.kpi_daily_county
      WHERE n <> 0 OR persons <> 0 ORDER BY 1, 2, 3, 4`);
    expect(await counties(rebuilt)).toEqual(await counties(live));
    expect(await facts(rebuilt)).toEqual(await facts(live));
    expect(await flags(rebuilt)).toEqual(await flags(live));
    // Nothing announced again.
    expect(await world.sql(`SELECT type FROM ${rebuilt}.outbox`)).toEqual([]);
  });
});
