import { eventually, http, type ServiceHarness, sql } from '@sunshine/testing';

import { claims, labourPetition, startWithDirectory, type UNITS } from './fixtures';

/**
 * A 2027 holiday arrangement written by hand in the form of the State Council's notices. NOT the official one (not
 * published when this was written); chinese-days 1.5.7 ships 2004–2026, so 2027 is unpublished in the bundled data.
 * It follows 《全国年节及纪念日放假办法》(2024): 除夕 Fri 2/5, 初一 Sat 2/6, 清明 Mon 4/5, 端午 Wed 6/9, 中秋 Wed 9/15.
 *   元旦：1月1日（周五）至3日（周日）放假，共3天。
 *   春节：2月5日（除夕，周五）至13日（周六）放假调休，共9天。2月14日（周日）、2月20日（周六）上班。
 *   清明节：4月3日（周六）至5日（周一）放假，共3天。
 *   劳动节：5月1日（周六）至5日（周三）放假调休，共5天。4月25日（周日）上班。
 *   端午节：6月9日（周三）放假，共1天。
 *   中秋节：9月15日（周三）放假，共1天。
 *   国庆节：10月1日（周五）至7日（周四）放假调休，共7天。9月26日（周日）、10月9日（周六）上班。
 */
const ARRANGEMENT_2027 = {
  year: 2027,
  holidays: [
    '2027-01-01',
    '2027-01-02',
    '2027-01-03',
    '2027-02-05',
    '2027-02-06',
    '2027-02-07',
    '2027-02-08',
    '2027-02-09',
    '2027-02-10',
    '2027-02-11',
    '2027-02-12',
    '2027-02-13',
    '2027-04-03',
    '2027-04-04',
    '2027-04-05',
    '2027-05-01',
    '2027-05-02',
    '2027-05-03',
    '2027-05-04',
    '2027-05-05',
    '2027-06-09',
    '2027-09-15',
    '2027-10-01',
    '2027-10-02',
    '2027-10-03',
    '2027-10-04',
    '2027-10-05',
    '2027-10-06',
    '2027-10-07',
  ],
  workdays: ['2027-02-14', '2027-02-20', '2027-04-25', '2027-09-26', '2027-10-09'],
  source: 'e2e: a hand-written 2027 arrangement (not the official notice)',
};

// "Now" for every service: Thu 2027-01-28 10:00 Asia/Shanghai. The petition is dispatched to 延津县人社局 that day.
const NOW = '2027-01-28T02:00:00.000Z';
// Acceptance (Art 23, 15 days from receipt of the dispatch): 1/28 + 15 = Fri 2/12, a plain weekday while 2027 is
// unpublished → due 24:00 2/12. With the arrangement 2/12 and 2/13 are off and Sun 2/14 is a make-up working day
// (调休上班日, a working day): the period ends on 2/14 (《民法典》第203条).
const ACCEPTANCE_PROVISIONAL = '2027-02-12T16:00:00.000Z';
const ACCEPTANCE_PUBLISHED = '2027-02-14T16:00:00.000Z';

interface Registered {
  caseId: string;
  caseNumber: string;
  queryCode: string;
}
interface ClockView {
  kind: string;
  dueAt: string;
  provisional: boolean;
}
interface Progress {
  deadlines: ClockView[];
}
interface InboxItem {
  caseId: string;
  dueAt: string | null;
  dueProvisional: boolean;
}
interface LedgerClock {
  caseId: string;
  kind: string;
  dueAt: string;
  lastDay: string;
  provisional: boolean;
}

describe('reference data: a holiday year loaded once reaches every service, which recompute their provisional due dates', () => {
  let h: ServiceHarness;
  let registered: Registered;
  const token = (unit: keyof typeof UNITS, roles = claims(unit).roles) => h.keys.token({ ...claims(unit), roles });

  const progress = async () =>
    (
      await http<Progress>('POST', `${h.url('intake')}/public/cases/progress`, {
        body: { caseNumber: registered.caseNumber, queryCode: registered.queryCode },
      })
    ).body.deadlines.find((d) => d.kind === 'acceptance');
  const inbox = async () =>
    (await http<{ items: InboxItem[] }>('GET', `${h.url('routing')}/inbox?limit=200`, { token: await token('hrss') })).body.items.find(
      (i) => i.caseId === registered.caseId,
    );
  const ledger = async () =>
    (await http<LedgerClock[]>('GET', `${h.url('supervision')}/clocks?limit=1000`, { token: await token('cityBureau') })).body.filter(
      (c) => c.caseId === registered.caseId,
    );
  const load = (unit: keyof typeof UNITS, roles: Parameters<typeof token>[1]) =>
    token(unit, roles).then((t) =>
      http<{ code?: string; year?: number; revision?: number }>('POST', `${h.url('supervision')}/calendar/arrangements`, {
        token: t,
        body: ARRANGEMENT_2027,
      }),
    );

  beforeAll(async () => {
    // The test polls intake's public progress endpoint: lift its per-client rate limit.
    h = await startWithDirectory('small', { env: { PUBLIC_RATE_LIMIT_MAX: '100000' } });
    await h.setClockOffset(Date.parse(NOW) - Date.now());
    const res = await http<Registered>('POST', `${h.url('intake')}/petitions`, {
      token: await token('countyBureau'),
      body: labourPetition({ receivedAt: new Date(Date.parse(NOW) - 60_000).toISOString() }),
    });
    expect(res.status).toBe(201);
    registered = res.body;
  });

  afterAll(async () => {
    await h?.stopAll();
  });

  it('replicates routing’s seed (the rule set in force, the category table) to every service', async () => {
    for (const service of ['intake', 'routing', 'supervision', 'notification', 'evaluation'] as const) {
      const rows = await eventually(
        async () => {
          const found = await sql<{ kind: string; id: string; revision: number }>(
            `SELECT kind, id, revision FROM "${h.schema(service)}".reference_data ORDER BY kind, id`,
          );
          return found.length >= 2 ? found : undefined;
        },
        30000,
        `routing's reference data in ${service}`,
      );
      expect(rows).toEqual([
        { kind: 'category-table', id: 'default', revision: 1 },
        { kind: 'routing-rule-set', id: 'active', revision: 1 },
      ]);
    }
  });

  it('flags the acceptance clock provisional in intake, routing and supervision while 2027 is unpublished', async () => {
    const provisional = { dueAt: ACCEPTANCE_PROVISIONAL, provisional: true };
    expect(await eventually(progress, 60000, 'the acceptance clock in intake’s progress')).toMatchObject(provisional);
    expect(await eventually(inbox, 60000, 'the case in 人社局’s inbox')).toMatchObject({
      dueAt: ACCEPTANCE_PROVISIONAL,
      dueProvisional: true,
    });
    const clocks = await eventually(
      async () => ((await ledger()).some((c) => c.kind === 'acceptance') ? ledger() : undefined),
      60000,
      'the ledger',
    );
    expect(clocks.find((c) => c.kind === 'acceptance')).toMatchObject({ ...provisional, lastDay: '2027-02-12' });
    // Art 23's objection window, 5 working days: 1/29, 2/1, 2/2, 2/3, 2/4 (the same with the arrangement), provisional too.
    expect(clocks.find((c) => c.kind === 'objection')).toMatchObject({ dueAt: '2027-02-04T16:00:00.000Z', provisional: true });
  });

  it('refuses the load to a county’s ops token and to a city admin without ops (403 with a reason), loading nothing', async () => {
    const county = await load('countyBureau', ['ops']);
    expect([county.status, county.body.code]).toEqual([403, 'CITY_LEVEL_REQUIRED']);
    const admin = await load('cityBureau', ['admin']);
    expect([admin.status, admin.body.code]).toEqual([403, 'ROLE_REQUIRED']);
    expect(await sql(`SELECT 1 FROM "${h.schema('supervision')}".reference_publications WHERE kind = 'calendar-year'`)).toEqual([]);
  });

  it('loads the year with a city ops token; within seconds all three show the new due dates, no longer provisional', async () => {
    const loaded = await load('cityBureau', ['ops']);
    expect([loaded.status, loaded.body]).toEqual([202, { year: 2027, revision: 1 }]);

    const published = { dueAt: ACCEPTANCE_PUBLISHED, provisional: false };
    expect(
      await eventually(async () => ((await progress())?.dueAt === ACCEPTANCE_PUBLISHED ? progress() : undefined), 30000, 'intake'),
    ).toMatchObject(published);
    expect(
      await eventually(async () => ((await inbox())?.dueAt === ACCEPTANCE_PUBLISHED ? inbox() : undefined), 30000, 'routing'),
    ).toMatchObject({
      dueAt: ACCEPTANCE_PUBLISHED,
      dueProvisional: false,
    });
    const clocks = await eventually(
      async () => ((await ledger()).find((c) => c.kind === 'acceptance')?.dueAt === ACCEPTANCE_PUBLISHED ? ledger() : undefined),
      30000,
      'supervision',
    );
    expect(clocks.find((c) => c.kind === 'acceptance')).toMatchObject({ ...published, lastDay: '2027-02-14' });
    expect(clocks.find((c) => c.kind === 'objection')).toMatchObject({ dueAt: '2027-02-04T16:00:00.000Z', provisional: false });

    // The year reached all five services, notification and evaluation included.
    for (const service of ['intake', 'routing', 'supervision', 'notification', 'evaluation'] as const) {
      const rows = await eventually(
        async () => {
          const found = await sql<{ revision: number; published_by: string }>(
            `SELECT revision, published_by FROM "${h.schema(service)}".reference_data WHERE kind = 'calendar-year' AND id = '2027'`,
          );
          return found.length > 0 ? found : undefined;
        },
        30000,
        `calendar-year:2027 in ${service}`,
      );
      expect(rows).toEqual([{ revision: 1, published_by: 'cityBureau-staff' }]);
    }
    const listed = await http<Array<{ year: number; revision: number }>>('GET', `${h.url('supervision')}/calendar/arrangements`, {
      token: await token('countyBureau'),
    });
    expect(listed.body).toEqual([expect.objectContaining({ year: 2027, revision: 1, source: ARRANGEMENT_2027.source })]);
  });

  it('publishes the rule set routing puts in force to every service, with the next revision', async () => {
    const admin = await token('cityBureau', ['admin']);
    const rules = [
      { id: 'accusation-discipline', kind: 'accusation' },
      { id: 'lawsuit-political-legal', kind: 'lawsuit' },
      {
        id: 'labour-to-housing',
        kind: 'direct',
        when: { categories: ['labour'] },
        unitKind: 'dept-housing',
        at: 'bureau',
        mode: 'assign',
        reason: '试点：劳资纠纷由住建局牵头办理',
      },
      { id: 'territory-competence-level', kind: 'territorial' },
    ];
    expect(
      (
        await http('POST', `${h.url('routing')}/routing-rules`, {
          token: admin,
          body: { id: 'pilot', rules, reason: '市信访局：劳资纠纷试点' },
        })
      ).status,
    ).toBe(201);
    expect((await http('POST', `${h.url('routing')}/routing-rules/pilot/1/activate`, { token: admin })).status).toBe(200);
    for (const service of ['intake', 'routing', 'supervision', 'notification', 'evaluation'] as const) {
      const row = await eventually(
        async () => {
          const [found] = await sql<{ revision: number; set_id: string; rule_ids: string[] }>(
            `SELECT revision, payload #>> '{ruleSet,id}' AS set_id, ARRAY(SELECT r ->> 'id' FROM jsonb_array_elements(payload #> '{ruleSet,rules}') r) AS rule_ids
             FROM "${h.schema(service)}".reference_data WHERE kind = 'routing-rule-set' AND id = 'active'`,
          );
          return found && found.revision === 2 ? found : undefined;
        },
        30000,
        `the pilot rule set in ${service}`,
      );
      expect(row).toEqual({ revision: 2, set_id: 'pilot', rule_ids: rules.map((r) => r.id) });
    }
  });
});
