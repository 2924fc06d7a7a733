import { eventually } from '@sunshine/testing';

import type { CalendarYear } from '../src/ledger/calendar-arrangement.service';
import { CaseScript } from './support/case-events';
import { O, W, X } from './support/notices';
import { SupervisionWorld } from './support/supervision-world';

// The ledger in PostgreSQL is the truth; Redis only wakes the check. Instants as in supervision-clocks (春节 2026).
describe('the ledger as the truth: Redis lost, a year’s holidays published', () => {
  const world = SupervisionWorld.forSuite('2026-01-20T00:00:00.000Z');

  it('fires every pending clock on time after Redis is flushed and the service restarts, and nothing twice', async () => {
    const r1 = new CaseScript(world);
    const r2 = new CaseScript(world);
    const r3 = new CaseScript(world);
    // r3: answered and served Sat 1/31 → rating and review windows: 30 days → Mon 3/2.
    await r3.throughAcceptance('2026-01-20T02:00:00.000Z', '2026-01-20T03:00:00.000Z', '2026-01-21T02:00:00.000Z');
    await r3.replied('2026-01-30T02:00:00.000Z');
    await r3.served('2026-01-31T02:00:00.000Z');
    // r1: dispatch due Tue 2/24; r2: objection lapses Wed 2/25, acceptance due Thu 2/26.
    await r1.registered('2026-02-02T02:00:00.000Z');
    await r2.registered('2026-02-10T02:00:00.000Z');
    await r2.dispatched('2026-02-11T02:00:00.000Z');
    await world.at('2026-02-21T16:00:00.000Z');
    expect(await r1.notices()).toEqual([`${W} dispatch 2026-02-24T16:00:00.000Z`]);
    expect(await world.redisKeys()).not.toEqual([]);

    await world.stop();
    expect(await world.flushRedis()).toBeGreaterThan(0);
    expect(await world.redisKeys()).toEqual([]);
    await world.start();

    await world.at('2026-02-22T16:00:00.000Z');
    expect(await r2.notices()).toEqual([`${W} objection 2026-02-25T16:00:00.000Z`]);
    await world.at('2026-02-23T16:00:00.000Z');
    expect(await r1.notices()).toEqual([`${W} dispatch 2026-02-24T16:00:00.000Z`, `${W} dispatch 2026-02-24T16:00:00.000Z`]);
    expect(await r2.notices('acceptance')).toEqual([`${W} acceptance 2026-02-26T16:00:00.000Z`]);
    await world.at('2026-02-24T15:59:59.999Z');
    expect(await r1.notices()).toHaveLength(2);
    await world.at('2026-02-24T16:00:00.000Z');
    expect(await r1.notices('dispatch')).toEqual([
      `${W} dispatch 2026-02-24T16:00:00.000Z`,
      `${W} dispatch 2026-02-24T16:00:00.000Z`,
      `${O} dispatch 2026-02-24T16:00:00.000Z`,
    ]);
    await world.at('2026-02-25T16:00:00.000Z');
    await world.at('2026-02-26T15:59:59.999Z');
    expect(await r2.notices('acceptance')).toHaveLength(2);
    await world.at('2026-02-26T16:00:00.000Z');
    expect(await r2.notices('acceptance')).toEqual([
      `${W} acceptance 2026-02-26T16:00:00.000Z`,
      `${W} acceptance 2026-02-26T16:00:00.000Z`,
      `${O} acceptance 2026-02-26T16:00:00.000Z`,
    ]);
    expect((await world.clocks(r2.caseId)).find((k) => k.kind === 'objection')).toMatchObject({ status: 'lapsed' });
    await world.at('2026-03-02T15:59:59.999Z');
    expect(await r3.notices()).toEqual([]);
    await world.at('2026-03-02T16:00:00.000Z');
    expect((await r3.notices()).sort()).toEqual([`${X} rating 2026-03-02T16:00:00.000Z`, `${X} review 2026-03-02T16:00:00.000Z`]);
    // The scan's scheduler is back in Redis.
    expect((await world.redisKeys()).some((k) => k.includes('due-scan'))).toBe(true);
  });

  it('recomputes a provisional deadline when ops load the year’s holiday arrangement, and warns against the new date', async () => {
    const c = new CaseScript(world);
    await world.at('2026-12-21T00:00:00.000Z');
    // Accepted Sun 12/20 → 60 days → Thu 2027-02-18, in a year whose arrangement the bundled calendar lacks.
    await c.throughAcceptance('2026-12-01T02:00:00.000Z', '2026-12-01T03:00:00.000Z', '2026-12-20T02:00:00.000Z');
    expect((await world.clocks(c.caseId)).find((k) => k.kind === 'handling')).toMatchObject({ last_day: '2027-02-18', provisional: true });

    // A made-up arrangement for the test: 春节 2/14–2/22 off, 2/13 and 2/27 (Saturdays) worked.
    const holidays = [
      '2027-01-01',
      '2027-01-02',
      '2027-01-03',
      ...Array.from({ length: 9 }, (_, i) => `2027-02-${String(14 + i).padStart(2, '0')}`),
    ];
    const arrangement = { year: 2027, holidays, workdays: ['2027-02-13', '2027-02-27'], source: 'test: a made-up 2027 arrangement' };
    expect((await world.call('POST', '/calendar/arrangements', arrangement, await world.token('cityBureau'))).status).toBe(403);
    // A county's own ops token may not change the nation's calendar.
    const county = await world.call<{ code: string }>(
      'POST',
      '/calendar/arrangements',
      arrangement,
      await world.token('countyBureau', ['ops']),
    );
    expect([county.status, county.body.code]).toEqual([403, 'CITY_LEVEL_REQUIRED']);
    const bad = await world.call<{ code: string }>(
      'POST',
      '/calendar/arrangements',
      { ...arrangement, workdays: ['2027-02-15'] },
      await world.token('cityBureau', ['ops']),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');

    const loaded = await world.call<{ year: number; revision: number }>(
      'POST',
      '/calendar/arrangements',
      arrangement,
      await world.token('cityBureau', ['ops']),
    );
    expect([loaded.status, loaded.body]).toEqual([202, { year: 2027, revision: 1 }]);
    // Published on the reference-data topic, taken back by the consumer: Thu 2/18 is now a holiday, the period ends on
    // the first working day after it, Tue 2/23.
    await eventually(
      async () => ((await world.clocks(c.caseId)).some((k) => k.kind === 'handling' && k.last_day === '2027-02-23') ? true : undefined),
      30000,
      'the recomputed handling clock',
    );
    expect((await world.clocks(c.caseId)).find((k) => k.kind === 'handling')).toMatchObject({ last_day: '2027-02-23', provisional: false });
    // The calendar the clocks count with, as the ops page reads it: each day off named by the holiday(s) in its run of
    // rest days. 元旦 1/1–1/3 holds 1月1日; the made-up 2/14–2/22 run holds no holiday (春节 2027 is 2/5–2/8, now
    // ordinary days under this arrangement), so it has no name; a make-up workday never has one.
    const ops = await world.token('cityBureau', ['ops']);
    const days2027 = await world.call<CalendarYear>('GET', '/calendar/days?year=2027', undefined, ops);
    expect([days2027.status, days2027.body.published, days2027.body.source]).toEqual([200, true, 'test: a made-up 2027 arrangement']);
    expect(days2027.body.days.map((d) => `${d.date} ${d.kind} ${d.statutoryHolidays.join('+')}`)).toEqual([
      '2027-01-01 holiday new-year',
      '2027-01-02 holiday new-year',
      '2027-01-03 holiday new-year',
      '2027-02-13 make-up-workday ',
      '2027-02-14 holiday ',
      '2027-02-15 holiday ',
      '2027-02-16 holiday ',
      '2027-02-17 holiday ',
      '2027-02-18 holiday ',
      '2027-02-19 holiday ',
      '2027-02-20 holiday ',
      '2027-02-21 holiday ',
      '2027-02-22 holiday ',
      '2027-02-27 make-up-workday ',
    ]);
    // The bundled 2026 (国务院办公厅通知): 春节 2/15–2/23 with 2/14 and 2/28 worked; 国庆节 10/1–10/7 with 9/20 and 10/10
    // worked; 中秋 9/25–9/27 its own run.
    const days2026 = (await world.call<CalendarYear>('GET', '/calendar/days?year=2026', undefined, ops)).body.days;
    const named = (date: string) => days2026.find((d) => d.date === date)?.statutoryHolidays;
    expect(['2026-02-14', '2026-02-15', '2026-02-23', '2026-09-20', '2026-09-27', '2026-10-01', '2026-10-07'].map(named)).toEqual([
      [],
      ['spring-festival'],
      ['spring-festival'],
      [],
      ['mid-autumn'],
      ['national-day'],
      ['national-day'],
    ]);

    await world.at('2027-02-15T16:00:00.000Z');
    expect(await c.notices('handling')).toEqual([]);
    await world.at('2027-02-20T15:59:59.999Z');
    expect(await c.notices('handling')).toEqual([]);
    await world.at('2027-02-20T16:00:00.000Z');
    expect(await c.notices('handling')).toEqual([`${W} handling 2027-02-23T16:00:00.000Z`]);
  });
});
