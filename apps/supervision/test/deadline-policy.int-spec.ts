import { eventually } from '@sunshine/testing';

import { CaseScript } from './support/case-events';
import { CITY, COUNTY } from './support/directory';
import { SupervisionWorld } from './support/supervision-world';

// A city's own acceptance period (Art 23 says 15 days; a jurisdiction may set a shorter one as data).
const TEN_DAY_ACCEPTANCE = { jurisdiction: CITY, clocks: [{ kind: 'acceptance', amount: 10 }] };

describe('deadline policies as reference data: loaded by the city, published, counted with by the ledger', () => {
  const world = SupervisionWorld.forSuite('2026-03-02T00:00:00.000Z');

  const put = async (id: string, body: unknown, unit: 'cityBureau' | 'countyBureau', roles: Parameters<SupervisionWorld['token']>[1]) =>
    world.call<{ code?: string; id?: string; revision?: number }>('PUT', `/deadline-policies/${id}`, body, await world.token(unit, roles));

  it('refuses a county admin, a city clerk, a territory outside the city and a clock the domain cannot complete', async () => {
    const county = await put('yanjin', { jurisdiction: COUNTY, clocks: [{ kind: 'acceptance', amount: 10 }] }, 'countyBureau', ['admin']);
    expect([county.status, county.body.code]).toEqual([403, 'CITY_LEVEL_REQUIRED']);
    const clerk = await put('xinxiang', TEN_DAY_ACCEPTANCE, 'cityBureau', ['clerk']);
    expect([clerk.status, clerk.body.code]).toEqual([403, 'ROLE_REQUIRED']);
    const elsewhere = await put('anyang', { jurisdiction: '410500000000', clocks: [{ kind: 'acceptance', amount: 10 }] }, 'cityBureau', [
      'admin',
    ]);
    expect([elsewhere.status, elsewhere.body.code]).toEqual([403, 'OUTSIDE_JURISDICTION']);
    // A new kind must give every field of a clock: the domain refuses a bare amount.
    const incomplete = await put('xinxiang', { jurisdiction: CITY, clocks: [{ kind: 'hotline-callback', amount: 2 }] }, 'cityBureau', [
      'admin',
    ]);
    expect([incomplete.status, incomplete.body.code]).toEqual([422, 'REFERENCE_DATA_INVALID']);
    const malformed = await put('xinxiang', { jurisdiction: '4107', clocks: [] }, 'cityBureau', ['admin']);
    expect([malformed.status, malformed.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(await world.count('reference_publications')).toBe(0);
  });

  it('moves a running acceptance clock to the policy’s 10 days once it arrives on the topic', async () => {
    const c = new CaseScript(world);
    await c.registered('2026-03-02T01:00:00.000Z');
    await c.dispatched('2026-03-02T02:00:00.000Z');
    // Mon 3/2 + 15 days = Tue 3/17.
    expect((await world.clocks(c.caseId)).find((k) => k.kind === 'acceptance')).toMatchObject({
      last_day: '2026-03-17',
      provisional: false,
    });

    const loaded = await put('xinxiang', TEN_DAY_ACCEPTANCE, 'cityBureau', ['admin']);
    expect([loaded.status, loaded.body]).toEqual([202, { id: 'xinxiang', revision: 1 }]);
    // Mon 3/2 + 10 days = Thu 3/12, a working day.
    await eventually(
      async () => ((await world.clocks(c.caseId)).some((k) => k.kind === 'acceptance' && k.last_day === '2026-03-12') ? true : undefined),
      30000,
      'the acceptance clock counted with the policy',
    );
    const listed = await world.call<Array<Record<string, unknown>>>(
      'GET',
      '/deadline-policies',
      undefined,
      await world.token('countyBureau'),
    );
    expect(listed.body).toEqual([
      expect.objectContaining({
        id: 'xinxiang',
        jurisdiction: CITY,
        clocks: [{ kind: 'acceptance', amount: 10 }],
        revision: 1,
        publishedBy: 'cityBureau-staff',
      }),
    ]);
  });
});
