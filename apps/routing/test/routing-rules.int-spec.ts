import type { ReplayReport } from '@sunshine/domain';
import { forSuite } from '@sunshine/testing';

import { DONGTUN, RoutingWorld, U } from './support/routing-world';
import { applyChange } from './support/unit-changes';

interface Stored {
  ruleSet: { id: string; version: number };
  active: boolean;
  builtIn: boolean;
  reason: string | null;
  createdBy: string | null;
  createdByUnit: string | null;
  createdAt: string | null;
}

const PILOT_RULES = [
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

// Two bureaus that send a case to each other: the county bureau down to the township's petition office, the office
// back up to the county bureau.
const LOOP_RULES = [
  {
    id: 'down',
    kind: 'direct',
    when: { bureauLevels: ['county'] },
    unitKind: 'petition-office',
    at: 'place-township',
    mode: 'forward',
    reason: '测试：转乡镇信访办',
  },
  {
    id: 'up',
    kind: 'direct',
    when: { bureauLevels: ['township'] },
    unitKind: 'petition-bureau',
    at: 'place-county',
    mode: 'forward',
    reason: '测试：报县信访局',
  },
];

// Routing rules as versioned data: stored versions, one in force, replay of a candidate over past cases.
describe('routing rule sets', () => {
  const w = forSuite(
    () => RoutingWorld.start('small'),
    (world) => world.stop(),
  );

  it('starts with the law’s default set in force', async () => {
    const list = await w.call<Stored[]>('GET', '/routing-rules', U.countyBureau);
    expect(list.body).toEqual([
      expect.objectContaining({ builtIn: true, active: true, ruleSet: expect.objectContaining({ id: 'default', version: 1 }) }),
    ]);
  });

  it('stores a new version without putting it in force, and replays it over past cases', async () => {
    const labour = [await w.register(), await w.register()];
    const housing = await w.register({ category: 'urban-construction' });
    for (const caseId of [...labour, housing]) await w.waitFor(caseId, 'case.dispatched');

    const created = await w.call<Stored>(
      'POST',
      '/routing-rules',
      U.cityBureau,
      {
        id: 'yanjin',
        rules: PILOT_RULES,
        note: '劳资纠纷试点',
        reason: '延津县申请劳资纠纷由住建局牵头办理的试点',
      },
      ['admin'],
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ ruleSet: { id: 'yanjin', version: 1 }, active: false });

    const replay = await w.call<ReplayReport>(
      'POST',
      '/routing-rules/replay',
      U.cityBureau,
      { candidateRef: { id: 'yanjin', version: 1 } },
      ['admin'],
    );
    expect(replay.status).toBe(200);
    expect(replay.body).toMatchObject({ from: { id: 'default', version: 1 }, to: { id: 'yanjin', version: 1 }, total: 3, unchanged: 1 });
    expect(replay.body.changed.map((c) => c.caseId).sort()).toEqual([...labour].sort());
    expect(replay.body.changed[0]).toMatchObject({ fields: ['unit', 'rule'], before: { unitId: U.hrss }, after: { unitId: U.housing } });
  });

  it('routes by the version put in force, recording its rule and reasons, and back to the default', async () => {
    expect((await w.call<Stored>('POST', '/routing-rules/yanjin/1/activate', U.cityBureau, undefined, ['admin'])).body.active).toBe(true);
    const caseId = await w.register();
    const [dispatched] = await w.waitFor(caseId, 'case.dispatched');
    expect(dispatched?.payload).toMatchObject({ toUnitId: U.housing, rule: { id: 'labour-to-housing', version: 1 } });
    expect(dispatched?.payload.reasons).toContain('试点：劳资纠纷由住建局牵头办理');

    await w.call('POST', '/routing-rules/default/1/activate', U.cityBureau, undefined, ['admin']);
    const after = await w.register();
    const [back] = await w.waitFor(after, 'case.dispatched');
    expect(back?.payload).toMatchObject({ toUnitId: U.hrss, rule: { id: 'territory-competence-level', version: 1 } });
  });

  it('refuses a malformed set with the field at fault, and anyone but an admin', async () => {
    const bad = await w.call<{ code: string; details: { fields: Array<{ field: string }> } }>(
      'POST',
      '/routing-rules',
      U.cityBureau,
      {
        id: 'bad',
        rules: [
          { id: 't', kind: 'territorial' },
          { id: 'a', kind: 'accusation' },
        ],
        reason: '测试：顺序错误',
      },
      ['admin'],
    );
    expect(bad.status).toBe(400);
    expect(bad.body.details.fields.map((f) => f.field)).toContain('rules.1');
    const clerk = await w.call<{ code: string }>('POST', '/routing-rules', U.countyBureau, { id: 'x', rules: PILOT_RULES }, ['clerk']);
    expect([clerk.status, clerk.body.code]).toEqual([403, 'ROLE_REQUIRED']);
  });

  it('puts a set in force or replays it only for an admin of a city-level unit: a county admin gets 403 with a reason', async () => {
    const stored = await w.call<Stored>(
      'POST',
      '/routing-rules',
      U.cityBureau,
      { id: 'county-pilot', rules: PILOT_RULES, reason: '县级试点' },
      ['admin'],
    );
    expect(stored.status).toBe(201);
    const activate = await w.call<{ code: string; message: { zh: string } }>(
      'POST',
      '/routing-rules/county-pilot/1/activate',
      U.countyBureau,
      undefined,
      ['admin'],
    );
    expect([activate.status, activate.body.code]).toEqual([403, 'CITY_LEVEL_REQUIRED']);
    expect(activate.body.message.zh).toBe(
      `分办规则集的启用与回放只能由市级单位的系统管理员（admin）操作：本单位（${U.countyBureau}）不是市级单位`,
    );
    const replay = await w.call<{ code: string }>(
      'POST',
      '/routing-rules/replay',
      U.countyBureau,
      { candidateRef: { id: 'county-pilot', version: 1 } },
      ['admin'],
    );
    expect([replay.status, replay.body.code]).toEqual([403, 'CITY_LEVEL_REQUIRED']);
    expect((await w.call<{ id: string }>('GET', '/routing-rules/active', U.countyBureau)).body).toMatchObject({ id: 'default' });

    const city = await w.call<Stored>('POST', '/routing-rules/county-pilot/1/activate', U.cityBureau, undefined, ['admin']);
    expect([city.status, city.body.active]).toEqual([200, true]);
    expect((await w.call<{ id: string; version: number }>('GET', '/routing-rules/active', U.countyBureau)).body).toMatchObject({
      id: 'county-pilot',
      version: 1,
    });
    expect((await w.call<Stored>('POST', '/routing-rules/default/1/activate', U.cityBureau, undefined, ['admin'])).status).toBe(200);
  });

  it('stores a version only for an admin of a city-level unit, and only with a reason, kept with who, which unit and when', async () => {
    const count = async (): Promise<number> =>
      (await w.call<Stored[]>('GET', '/routing-rules', U.countyBureau)).body.filter((s) => s.ruleSet.id === 'holiday-pilot').length;
    const body = { id: 'holiday-pilot', rules: PILOT_RULES, reason: '市信访局决定：劳资纠纷由住建局牵头办理' };

    const township = await w.call<{ code: string; message: { zh: string } }>('POST', '/routing-rules', U.dongtun, body, ['admin']);
    expect([township.status, township.body.code]).toEqual([403, 'CITY_LEVEL_REQUIRED']);
    expect(township.body.message.zh).toBe(
      `分办规则集新版本的保存只能由市级单位的系统管理员（admin）操作：本单位（${U.dongtun}）不是市级单位`,
    );
    const county = await w.call<{ code: string }>('POST', '/routing-rules', U.countyBureau, body, ['admin']);
    expect([county.status, county.body.code]).toEqual([403, 'CITY_LEVEL_REQUIRED']);
    expect(await count()).toBe(0);

    const { reason: _omitted, ...withoutReason } = body;
    const missing = await w.call<{ code: string; details: { fields: Array<{ field: string }> } }>(
      'POST',
      '/routing-rules',
      U.cityBureau,
      withoutReason,
      ['admin'],
    );
    expect(missing.status).toBe(400);
    expect(missing.body.details.fields.map((f) => f.field)).toEqual(['reason']);
    const blank = await w.call<{ code: string }>('POST', '/routing-rules', U.cityBureau, { ...body, reason: '   ' }, ['admin']);
    expect(blank.status).toBe(400);
    expect(await count()).toBe(0);

    const before = Date.now();
    const created = await w.call<Stored>('POST', '/routing-rules', U.cityBureau, body, ['admin']);
    expect(created.status).toBe(201);
    const listed = (await w.call<Stored[]>('GET', '/routing-rules', U.countyBureau)).body.filter((s) => s.ruleSet.id === 'holiday-pilot');
    expect(listed).toEqual([
      expect.objectContaining({
        ruleSet: expect.objectContaining({ id: 'holiday-pilot', version: 1 }),
        active: false,
        reason: '市信访局决定：劳资纠纷由住建局牵头办理',
        createdBy: `${U.cityBureau}-staff`,
        createdByUnit: U.cityBureau,
      }),
    ]);
    expect(Date.parse(listed[0]?.createdAt ?? '')).toBeGreaterThanOrEqual(before - 5_000);
    expect((await w.call<{ id: string }>('GET', '/routing-rules/active', U.countyBureau)).body).toMatchObject({ id: 'default' });
  });

  it('ends a chain of automatic hops that goes round in circles at a person’s desk after six hops', async () => {
    // A new unit comes through a change request of two city system administrators (issue 17).
    const office = await applyChange(w, {
      action: 'create',
      reason: '新设东屯镇信访办公室',
      unit: { name: '东屯镇信访办公室', kind: 'petition-office', divisionCode: DONGTUN, parentId: U.countyBureau },
    });
    expect(office.status).toBe('applied');
    expect(
      (await w.call<Stored>('POST', '/routing-rules', U.cityBureau, { id: 'loop', rules: LOOP_RULES, reason: '测试：循环转送' }, ['admin']))
        .status,
    ).toBe(201);
    expect((await w.call<Stored>('POST', '/routing-rules/loop/1/activate', U.cityBureau, undefined, ['admin'])).body.active).toBe(true);
    try {
      const caseId = await w.register();
      const [manual] = await w.waitFor(caseId, 'case.manual-dispatch-required');
      const hops = (await w.eventsOf(caseId))
        .filter((e) => e.type === 'case.dispatched')
        .map((e) => e.payload as { hop: number; toUnitId: string });
      expect(hops.map((h) => h.hop)).toEqual([1, 2, 3, 4, 5, 6]);
      expect(hops.map((h) => h.toUnitId)).toEqual([
        `${DONGTUN}:petition-office`,
        U.countyBureau,
        `${DONGTUN}:petition-office`,
        U.countyBureau,
        `${DONGTUN}:petition-office`,
        U.countyBureau,
      ]);
      expect(manual?.payload).toMatchObject({ unitId: U.countyBureau, reason: { code: 'rule-error' } });
      const desk = await w.call<{ items: Array<{ caseId: string; reason: string; detail: string }> }>('GET', '/desk', U.countyBureau);
      expect(desk.body.items.find((i) => i.caseId === caseId)).toMatchObject({
        reason: 'rule-error',
        detail: expect.stringContaining('自动转送已达6次'),
      });
    } finally {
      await w.call('POST', '/routing-rules/default/1/activate', U.cityBureau, undefined, ['admin']);
    }
  });
});
