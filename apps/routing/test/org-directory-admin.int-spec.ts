import { type EventOf, type OrgUnitSnapshot, Topics } from '@sunshine/contracts';
import { eventually, forSuite } from '@sunshine/testing';

import { COUNTY, RoutingWorld, U } from './support/routing-world';
import { applyChange, callAs, type ChangeRequest, cityAdmin, SYSADMIN_1 } from './support/unit-changes';

interface Problem {
  code: string;
  details?: { fields?: Array<{ field: string }> };
}

const AGRICULTURE = `${COUNTY}:dept-agriculture`;

// The organisation directory's admin API on one routing process: each change is stored and published, in one
// transaction, as the unit's full snapshot on the compacted org topic, and routing routes by it at once. New units and
// competences are trust-bearing (issue 17): they come through a change request of two city system administrators
// (org-change-requests.int-spec.ts); a unit admin renames and registers staff.
describe('the organisation directory admin API', () => {
  const w = forSuite(
    () => RoutingWorld.start('small'),
    (world) => world.stop(),
  );

  const snapshots = async (unitId: string) =>
    (await w.topic(Topics.orgDirectory)).filter(
      (e): e is EventOf<'org.unit-snapshot'> => e.type === 'org.unit-snapshot' && e.payload.id === unitId,
    );

  it('lists units by territory and competence and reads one', async () => {
    const county = await w.call<{ items: OrgUnitSnapshot[]; total: number }>('GET', `/org/units?within=${COUNTY}`, U.hrss, undefined, [
      'clerk',
    ]);
    expect(county.body.items.map((u) => u.id).sort()).toEqual([U.countyBureau, U.housing, U.hrss, U.dongtun].sort());
    const labour = await w.call<{ items: OrgUnitSnapshot[] }>('GET', '/org/units?competence=labour', U.hrss);
    expect(labour.body.items.map((u) => u.id)).toEqual([U.hrss]);
    expect((await w.call<OrgUnitSnapshot>('GET', `/org/units/${U.housing}`, U.hrss)).body).toMatchObject({
      name: '延津县住房和城乡建设局',
      revision: 1,
    });
  });

  it('creates a unit through an approved change request, publishes its full snapshot and routes its category there at once', async () => {
    const byCountyAdmin = await w.call<Problem>(
      'POST',
      '/org/change-requests',
      U.countyBureau,
      {
        action: 'create',
        reason: '新设农业农村局',
        unit: { name: '延津县农业农村局', kind: 'dept-agriculture', divisionCode: COUNTY, parentId: U.countyBureau },
      },
      ['admin'],
    );
    expect([byCountyAdmin.status, byCountyAdmin.body.code]).toEqual([403, 'ROLE_REQUIRED']);
    const created = await applyChange(w, {
      action: 'create',
      reason: '新设农业农村局',
      unit: {
        name: '延津县农业农村局',
        kind: 'dept-agriculture',
        divisionCode: COUNTY,
        parentId: U.countyBureau,
        competences: ['agriculture'],
      },
    });
    expect(created.after).toMatchObject({ id: AGRICULTURE, level: 'county', territoryPath: ['410700000000', COUNTY], revision: 1 });
    const [published] = await eventually(
      async () => ((await snapshots(AGRICULTURE)).length > 0 ? snapshots(AGRICULTURE) : undefined),
      30000,
      'the snapshot',
    );
    expect(published?.payload).toEqual(created.after);

    const caseId = await w.register({ category: 'agriculture' });
    const [dispatched] = await w.waitFor(caseId, 'case.dispatched');
    expect(dispatched?.payload.toUnitId).toBe(AGRICULTURE);
  });

  it('publishes every change as the whole unit with the next revision, never a delta', async () => {
    const renamed = await w.call<OrgUnitSnapshot>(
      'PATCH',
      `/org/units/${AGRICULTURE}`,
      U.countyBureau,
      { name: '延津县农业农村局（乡村振兴局）' },
      ['admin'],
    );
    expect(renamed.body).toMatchObject({ revision: 2, competences: ['agriculture'], name: '延津县农业农村局（乡村振兴局）' });
    const set = await applyChange(w, {
      action: 'update',
      reason: '增加自然资源主管',
      unitId: AGRICULTURE,
      changes: { competences: ['agriculture', 'land-resources'] },
    });
    expect(set.after).toMatchObject({
      revision: 3,
      name: '延津县农业农村局（乡村振兴局）',
      competences: ['agriculture', 'land-resources'],
    });
    const all = await eventually(
      async () => ((await snapshots(AGRICULTURE)).length >= 3 ? snapshots(AGRICULTURE) : undefined),
      30000,
      'three snapshots',
    );
    expect(all.map((e) => e.payload.revision)).toEqual([1, 2, 3]);
    expect(all[2]?.payload).toEqual(set.after);
  });

  it('refuses non-admins, units outside the territory, unknown parents or categories, duplicates and trust-bearing edits', async () => {
    const rename = await w.call<Problem>('PATCH', `/org/units/${U.housing}`, U.countyBureau, { name: '延津县住建局' }, ['clerk']);
    expect([rename.status, rename.body.code]).toEqual([403, 'ROLE_REQUIRED']);
    const outside = await w.call<Problem>('PATCH', `/org/units/${U.dongtun}`, '410727000000:petition-bureau', { name: '东屯镇' }, [
      'admin',
    ]);
    expect([outside.status, outside.body.code]).toEqual([403, 'OUT_OF_TERRITORY']);
    const trust = await w.call<Problem>('PATCH', `/org/units/${U.countyBureau}`, U.countyBureau, { parentId: AGRICULTURE }, ['admin']);
    expect([trust.status, trust.body.code]).toEqual([403, 'TRUST_CHANGE_NEEDS_REQUEST']);

    const unit = { name: '延津县测试局', kind: 'dept-test', divisionCode: COUNTY, parentId: null };
    const cases: Array<[unknown, number, string]> = [
      [{ ...unit, divisionCode: '410500000000' }, 403, 'OUT_OF_TERRITORY'],
      [{ ...unit, parentId: 'no:such-unit' }, 422, 'UNKNOWN_PARENT'],
      [{ ...unit, competences: ['astrology'] }, 400, 'VALIDATION_FAILED'],
      [{ ...unit, kind: 'dept-agriculture', name: '重复' }, 409, 'UNIT_EXISTS'],
    ];
    for (const [body, status, code] of cases) {
      const res = await callAs<Problem>(w, cityAdmin(SYSADMIN_1), 'POST', '/org/change-requests', {
        action: 'create',
        reason: '测试',
        unit: body,
      });
      expect([res.status, res.body.code]).toEqual([status, code]);
    }
    const cycle = await callAs<Problem>(w, cityAdmin(SYSADMIN_1), 'POST', '/org/change-requests', {
      action: 'update',
      reason: '测试',
      unitId: U.countyBureau,
      changes: { parentId: AGRICULTURE },
    });
    expect([cycle.status, cycle.body.code]).toEqual([422, 'PARENT_CYCLE']);
    const pending = await callAs<{ items: ChangeRequest[] }>(w, cityAdmin(SYSADMIN_1), 'GET', '/org/change-requests?status=pending');
    expect(pending.body.items).toEqual([]);
  });

  it('registers staff in their unit, and a head may name only its own staff as handler', async () => {
    expect((await w.call('PUT', '/org/users/hrss-h1', U.countyBureau, { unitId: U.hrss, roles: ['handler'] }, ['admin'])).status).toBe(200);
    expect(
      (await w.call('PUT', '/org/users/housing-h1', U.countyBureau, { unitId: U.housing, roles: ['handler'] }, ['admin'])).status,
    ).toBe(200);
    const users = await w.call<Array<{ subject: string }>>('GET', `/org/units/${U.hrss}/users`, U.hrss);
    expect(users.body.map((u) => u.subject)).toEqual(['hrss-h1']);

    const caseId = await w.register();
    await w.waitFor(caseId, 'case.dispatched');
    await w.act(U.hrss, caseId, 'sign');
    const other = await w.act<Problem>(U.hrss, caseId, 'handler', { handlerId: 'housing-h1' }, ['head']);
    expect([other.status, other.body.code]).toEqual([422, 'HANDLER_NOT_IN_UNIT']);
    expect((await w.act(U.hrss, caseId, 'handler', { handlerId: 'hrss-h1' }, ['head'])).status).toBe(200);
    const [assigned] = await w.waitFor(caseId, 'case.handler-assigned');
    expect(assigned?.payload).toEqual({ unitId: U.hrss, handlerId: 'hrss-h1' });
  });
});
