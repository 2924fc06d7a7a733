import { shanghaiDateOf } from '@sunshine/domain';
import { eventually, forSuite } from '@sunshine/testing';

import { IntakeWorld, petition, type Registered, UNITS } from './support/intake-world';

// Upstream reporting on a real intake process: the day's export of the city's cases (codes only, never an accusation)
// from the case replica, and the reconciliation of what the provincial system acknowledged for that day.
describe('intake upstream export and reconciliation', () => {
  const w = forSuite(
    () => IntakeWorld.start(),
    (world) => world.stop(),
  );
  let ops = '';
  const asOps = async (method: string, path: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> => {
    const res = await fetch(`${w.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${ops}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  beforeAll(async () => {
    ops = await w.h.keys.token({ sub: 'ops-1', unit: UNITS.cityBureau, division: UNITS.cityBureau.slice(0, 12), roles: ['ops'] });
  });

  it('exports the day’s cases with their unit and status, and reports what the upstream misses, does not know or holds otherwise', async () => {
    const register = async (overrides: Record<string, unknown>) => {
      const res = await w.call<Registered>('POST', '/petitions', petition(overrides), 'countyBureau');
      if (res.status !== 201) throw new Error(`registration answered ${res.status}: ${JSON.stringify(res.body)}`);
      return res.body;
    };
    const a = await register({ subject: '拖欠农民工工资（甲）' });
    const b = await register({ subject: '拖欠农民工工资（乙）', petitioner: { name: '李四', phone: '13800138001' } });
    const secret = await register({
      type: 'accusation',
      accused: { person: '某村干部' },
      subject: '检举村干部',
      petitioner: { name: '王五', phone: '13800138002' },
    });
    await w.produce(a.caseId, 'case.dispatched', {
      stage: 'original',
      fromUnitId: UNITS.countyBureau,
      toUnitId: UNITS.hrss,
      mode: 'assign',
      rule: { id: 'territory-competence-level', version: 1 },
      reasons: ['属地'],
      hop: 1,
    });
    await eventually(
      async () =>
        (await w.count('case_replica', `case_id = $1 AND holding_unit_id = $2`, [a.caseId, UNITS.hrss])) === 1 ? true : undefined,
      30000,
      'the dispatch in the replica',
    );
    await eventually(async () => ((await w.count('case_replica')) === 3 ? true : undefined), 30000, 'three cases in the replica');

    const day = shanghaiDateOf(new Date());
    const exported = await asOps('GET', `/ops/upstream/export?day=${day}`);
    expect(exported.status).toBe(200);
    expect(exported.body['count']).toBe(2);
    const cases = exported.body['cases'] as Array<Record<string, unknown>>;
    expect(cases.map((c) => [c['caseNumber'], c['unitId'], c['status'], c['channel'], c['type'], c['category']])).toEqual([
      [a.caseNumber, UNITS.hrss, 'dispatched', 'visit', 'claim', 'labour'],
      [b.caseNumber, UNITS.countyBureau, 'registered', 'visit', 'claim', 'labour'],
    ]);
    const text = JSON.stringify(exported.body);
    expect(text).not.toContain(secret.caseNumber);
    expect(text).not.toMatch(/张三|李四|13800138|拖欠/);
    expect((await asOps('GET', '/ops/upstream/export?day=2026-13-01')).status).toBe(400);

    const report = await asOps('POST', '/ops/upstream/reconciliation', {
      day,
      acknowledged: [
        { caseNumber: a.caseNumber, unitId: UNITS.countyBureau, status: 'registered' },
        { caseNumber: 'XF410726-20200101-9999', unitId: UNITS.countyBureau, status: 'closed' },
      ],
    });
    expect(report).toEqual({
      status: 200,
      body: {
        day,
        ours: 2,
        theirs: 2,
        matched: 0,
        missingUpstream: [b.caseNumber],
        unknownUpstream: ['XF410726-20200101-9999'],
        mismatched: [
          { caseNumber: a.caseNumber, field: 'unitId', ours: UNITS.hrss, theirs: UNITS.countyBureau },
          { caseNumber: a.caseNumber, field: 'status', ours: 'dispatched', theirs: 'registered' },
        ],
        counts: [
          { unitId: UNITS.hrss, status: 'dispatched', ours: 1, theirs: 0 },
          { unitId: UNITS.countyBureau, status: 'closed', ours: 0, theirs: 1 },
        ],
      },
    });
    const clerk = await w.call('GET', `/ops/upstream/export?day=${day}`, undefined, 'countyBureau');
    expect(clerk.status).toBe(403);
  }, 120_000);
});
