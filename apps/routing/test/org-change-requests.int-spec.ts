import { type EventOf, type OrgUnitSnapshot, Topics } from '@sunshine/contracts';
import { eventually } from '@sunshine/testing';

import { CITY, COUNTY, RoutingWorld, U } from './support/routing-world';
import { applyChange, callAs, type ChangeRequest, cityAdmin, SYSADMIN_1, SYSADMIN_2 } from './support/unit-changes';

interface Problem {
  code: string;
  message: { zh: string; en: string };
  details?: { fields?: Array<{ field: string }> };
}

const ARCHIVES = `${CITY}:dept-archives`;
const archivesAdmin = { sub: 'archives-admin', unitId: ARCHIVES, roles: ['admin' as const] };
const REASON = '机构改革：市档案局职能划入市委党史研究室（新乡市机构改革方案第十二条）';

// Issue 17, door 1: the city archives' admin turned its own unit into a petition bureau (every accusation of the city
// listed), then into discipline (the accusation dossiers read). A unit's kind, parent, territory and competences now
// change only through a change request: one city system administrator proposes with a reason, another approves.
describe('trust-bearing changes of the organisation directory', () => {
  let w: RoutingWorld;

  beforeAll(async () => {
    w = await RoutingWorld.start('small');
    await applyChange(w, {
      action: 'create',
      reason: '新设市档案局',
      unit: { name: '新乡市档案局', kind: 'dept-archives', divisionCode: CITY, parentId: null },
    });
  });

  afterAll(async () => {
    await w?.stop();
  });

  const unitRow = async (id: string) =>
    (await w.sql<{ kind: string; revision: number }>(`SELECT kind, revision FROM routing.org_units WHERE id = $1`, [id]))[0];
  const outboxRows = async (id: string) =>
    Number(
      (
        await w.sql<{ n: string }>(`SELECT count(*) AS n FROM routing.outbox WHERE message_key = $1 AND type = 'org.unit-snapshot'`, [id])
      )[0]?.n,
    );
  const snapshots = async (unitId: string) =>
    (await w.topic(Topics.orgDirectory)).filter(
      (e): e is EventOf<'org.unit-snapshot'> => e.type === 'org.unit-snapshot' && e.payload.id === unitId,
    );

  it('refuses a unit admin changing its own kind, or anyone’s competences, with 403: the unit unchanged, nothing to publish', async () => {
    const attacks: Array<[{ sub: string; unitId: string; roles: Array<'admin' | 'sysadmin'> }, string, unknown, string]> = [
      [archivesAdmin, `/org/units/${ARCHIVES}`, { kind: 'petition-bureau' }, 'TRUST_CHANGE_NEEDS_REQUEST'],
      [archivesAdmin, `/org/units/${ARCHIVES}`, { kind: 'discipline', name: '新乡市纪委监委' }, 'TRUST_CHANGE_NEEDS_REQUEST'],
      [archivesAdmin, `/org/units/${ARCHIVES}`, { parentId: U.cityBureau }, 'TRUST_CHANGE_NEEDS_REQUEST'],
      [
        { sub: 'county-admin', unitId: U.countyBureau, roles: ['admin'] },
        `/org/units/${U.hrss}`,
        { competences: ['labour', 'health'] },
        'TRUST_CHANGE_NEEDS_REQUEST',
      ],
    ];
    for (const [who, path, body, code] of attacks) {
      const res = await callAs<Problem>(w, who, 'PATCH', path, body);
      expect([res.status, res.body.code]).toEqual([403, code]);
    }
    const refused = await callAs<Problem>(w, archivesAdmin, 'PATCH', `/org/units/${ARCHIVES}`, { kind: 'petition-bureau' });
    expect(refused.body.message.zh).toBe(
      '单位的类型、上级、区划和主管类别（kind）不能直接修改：须由市级系统管理员提出变更申请，经另一名市级系统管理员批准后生效',
    );
    // Nor may it propose the change: the role is not its, and a county's sysadmin token is not a city's.
    const proposal = { action: 'update', unitId: ARCHIVES, changes: { kind: 'petition-bureau' }, reason: '工作需要' };
    const byAdmin = await callAs<Problem>(w, archivesAdmin, 'POST', '/org/change-requests', proposal);
    expect([byAdmin.status, byAdmin.body.code]).toEqual([403, 'ROLE_REQUIRED']);
    const byCounty = await callAs<Problem>(
      w,
      { sub: 'county-sa', unitId: U.countyBureau, roles: ['sysadmin'] },
      'POST',
      '/org/change-requests',
      proposal,
    );
    expect([byCounty.status, byCounty.body.code]).toEqual([403, 'CITY_LEVEL_REQUIRED']);

    expect(await unitRow(ARCHIVES)).toEqual({ kind: 'dept-archives', revision: 1 });
    expect(await unitRow(U.hrss)).toEqual({ kind: 'dept-hrss', revision: 1 });
    expect(await outboxRows(ARCHIVES)).toBe(1);
    expect(await outboxRows(U.hrss)).toBe(1);
    expect((await w.sql(`SELECT id FROM routing.org_change_requests WHERE unit_id = $1 AND action = 'update'`, [ARCHIVES])).length).toBe(0);

    // Its name stays its own admin's to edit, published as the whole unit.
    const renamed = await callAs<OrgUnitSnapshot>(w, archivesAdmin, 'PATCH', `/org/units/${ARCHIVES}`, { name: '新乡市档案馆' });
    expect([renamed.status, renamed.body.name, renamed.body.kind, renamed.body.revision]).toEqual([
      200,
      '新乡市档案馆',
      'dept-archives',
      2,
    ]);
  });

  it('applies a kind change only when a second city system administrator approves it, and keeps who, when and why', async () => {
    const noReason = await callAs<Problem>(w, cityAdmin(SYSADMIN_1), 'POST', '/org/change-requests', {
      action: 'update',
      unitId: ARCHIVES,
      changes: { kind: 'party-history-archives' },
    });
    expect([noReason.status, noReason.body.code, noReason.body.details?.fields?.map((f) => f.field)]).toEqual([
      400,
      'VALIDATION_FAILED',
      ['reason'],
    ]);

    const proposed = await callAs<ChangeRequest>(w, cityAdmin(SYSADMIN_1), 'POST', '/org/change-requests', {
      action: 'update',
      unitId: ARCHIVES,
      changes: { kind: 'party-history-archives' },
      reason: REASON,
    });
    expect(proposed.status).toBe(201);
    expect(proposed.body).toMatchObject({
      action: 'update',
      unitId: ARCHIVES,
      status: 'pending',
      reason: REASON,
      proposedBy: SYSADMIN_1,
      proposedByUnit: U.cityBureau,
      before: { kind: 'dept-archives', revision: 2 },
      after: { kind: 'party-history-archives', name: '新乡市档案馆' },
      decidedBy: null,
    });
    const second = await callAs<Problem>(w, cityAdmin(SYSADMIN_2), 'POST', '/org/change-requests', {
      action: 'update',
      unitId: ARCHIVES,
      changes: { kind: 'discipline' },
      reason: '另一项申请',
    });
    expect([second.status, second.body.code]).toEqual([409, 'CHANGE_REQUEST_PENDING']);

    const approve = `/org/change-requests/${proposed.body.id}/approve`;
    const self = await callAs<Problem>(w, cityAdmin(SYSADMIN_1), 'POST', approve);
    expect([self.status, self.body.code, self.body.message.zh]).toEqual([
      403,
      'FOUR_EYES_REQUIRED',
      '变更申请须由另一名市级系统管理员批准，提出人不能批准自己的申请',
    ]);
    const county = await callAs<Problem>(w, { sub: 'county-sa', unitId: U.countyBureau, roles: ['sysadmin'] }, 'POST', approve);
    expect([county.status, county.body.code]).toEqual([403, 'CITY_LEVEL_REQUIRED']);
    const cityUnitAdmin = await callAs<Problem>(w, { sub: 'city-admin', unitId: U.cityBureau, roles: ['admin'] }, 'POST', approve);
    expect([cityUnitAdmin.status, cityUnitAdmin.body.code]).toEqual([403, 'ROLE_REQUIRED']);
    expect(await unitRow(ARCHIVES)).toEqual({ kind: 'dept-archives', revision: 2 });
    expect(await outboxRows(ARCHIVES)).toBe(2);

    const approved = await callAs<ChangeRequest>(w, cityAdmin(SYSADMIN_2), 'POST', approve, { note: '经市委编办核准' });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({
      status: 'applied',
      proposedBy: SYSADMIN_1,
      decidedBy: SYSADMIN_2,
      decidedByUnit: U.cityBureau,
      decisionNote: '经市委编办核准',
      appliedRevision: 3,
      after: { id: ARCHIVES, kind: 'party-history-archives', name: '新乡市档案馆', revision: 3 },
    });
    const again = await callAs<Problem>(w, cityAdmin(SYSADMIN_2), 'POST', approve);
    expect([again.status, again.body.code]).toEqual([409, 'CHANGE_REQUEST_DECIDED']);
    expect(await unitRow(ARCHIVES)).toEqual({ kind: 'party-history-archives', revision: 3 });

    const published = await eventually(
      async () => {
        const all = await snapshots(ARCHIVES);
        return all.some((e) => e.payload.revision === 3) ? all : undefined;
      },
      30000,
      'the applied snapshot',
    );
    expect(published.map((e) => [e.payload.revision, e.payload.kind])).toEqual([
      [1, 'dept-archives'],
      [2, 'dept-archives'],
      [3, 'party-history-archives'],
    ]);
    expect(published[2]?.payload).toEqual(approved.body.after);
    expect(published[2]?.actor).toEqual({ kind: 'staff', id: SYSADMIN_2, unitId: U.cityBureau });

    // The unit's history: both people and the reason, newest first.
    const history = await callAs<{ items: ChangeRequest[]; total: number }>(
      w,
      { sub: 'city-admin', unitId: U.cityBureau, roles: ['admin'] },
      'GET',
      `/org/change-requests?unitId=${encodeURIComponent(ARCHIVES)}`,
    );
    expect(history.status).toBe(200);
    expect(history.body.total).toBe(2);
    expect(
      history.body.items.map((r) => [r.action, r.status, r.proposedBy, r.decidedBy, r.reason, r.before?.kind ?? null, r.after.kind]),
    ).toEqual([
      ['update', 'applied', SYSADMIN_1, SYSADMIN_2, REASON, 'dept-archives', 'party-history-archives'],
      ['create', 'applied', SYSADMIN_1, SYSADMIN_2, '新设市档案局', null, 'dept-archives'],
    ]);
    expect(new Date(history.body.items[0]?.decidedAt ?? '').getTime()).toBeGreaterThanOrEqual(
      new Date(history.body.items[0]?.proposedAt ?? '').getTime(),
    );
    const countyView = await callAs<Problem>(
      w,
      { sub: 'county-admin', unitId: U.countyBureau, roles: ['admin'] },
      'GET',
      '/org/change-requests',
    );
    expect([countyView.status, countyView.body.code]).toEqual([403, 'CITY_LEVEL_REQUIRED']);
  });

  it('rejects a request, or lets its proposer withdraw it, with a reason: the unit stays as it was', async () => {
    const propose = (reason: string) =>
      callAs<ChangeRequest>(w, cityAdmin(SYSADMIN_1), 'POST', '/org/change-requests', {
        action: 'update',
        unitId: U.hrss,
        changes: { competences: ['labour', 'civil-affairs'] },
        reason,
      });
    const first = await propose('人社局兼管民政救助');
    expect(first.status).toBe(201);
    const rejected = await callAs<ChangeRequest>(w, cityAdmin(SYSADMIN_2), 'POST', `/org/change-requests/${first.body.id}/reject`, {
      reason: '民政救助仍由民政局主管',
    });
    expect(rejected.body).toMatchObject({
      status: 'rejected',
      decidedBy: SYSADMIN_2,
      decisionNote: '民政救助仍由民政局主管',
      appliedRevision: null,
    });
    const late = await callAs<Problem>(w, cityAdmin(SYSADMIN_2), 'POST', `/org/change-requests/${first.body.id}/approve`);
    expect([late.status, late.body.code]).toEqual([409, 'CHANGE_REQUEST_DECIDED']);

    const second = await propose('再次申请');
    const withdrawn = await callAs<ChangeRequest>(w, cityAdmin(SYSADMIN_1), 'POST', `/org/change-requests/${second.body.id}/reject`, {
      reason: '撤回',
    });
    expect(withdrawn.body).toMatchObject({ status: 'rejected', proposedBy: SYSADMIN_1, decidedBy: SYSADMIN_1 });
    const noReason = await callAs<Problem>(w, cityAdmin(SYSADMIN_2), 'POST', `/org/change-requests/${second.body.id}/reject`, {});
    expect([noReason.status, noReason.body.code]).toEqual([400, 'VALIDATION_FAILED']);

    expect((await w.call<OrgUnitSnapshot>('GET', `/org/units/${U.hrss}`, U.hrss)).body).toMatchObject({
      competences: ['labour'],
      revision: 1,
    });
    const pending = await callAs<{ items: ChangeRequest[] }>(w, cityAdmin(SYSADMIN_2), 'GET', '/org/change-requests?status=pending');
    expect(pending.body.items).toEqual([]);
    const unknown = await callAs<Problem>(w, cityAdmin(SYSADMIN_2), 'GET', '/org/change-requests/not-a-request');
    expect([unknown.status, unknown.body.code]).toEqual([404, 'CHANGE_REQUEST_NOT_FOUND']);
  });

  it('refuses a request the directory cannot take: out of the city, an unknown parent, a cycle, no change at all', async () => {
    const cases: Array<[unknown, number, string]> = [
      [
        {
          action: 'create',
          reason: '外市单位',
          unit: { name: '安阳市档案局', kind: 'dept-archives', divisionCode: '410500000000', parentId: null },
        },
        403,
        'OUT_OF_TERRITORY',
      ],
      [
        {
          action: 'create',
          reason: '测试',
          unit: { name: '延津县测试局', kind: 'dept-test', divisionCode: COUNTY, parentId: 'no:such-unit' },
        },
        422,
        'UNKNOWN_PARENT',
      ],
      [{ action: 'update', reason: '测试', unitId: U.cityBureau, changes: { parentId: U.countyBureau } }, 422, 'PARENT_CYCLE'],
      [{ action: 'update', reason: '测试', unitId: U.hrss, changes: { kind: 'dept-hrss' } }, 422, 'NOTHING_TO_CHANGE'],
      [{ action: 'update', reason: '测试', unitId: 'no:such-unit', changes: { kind: 'discipline' } }, 404, 'UNIT_NOT_FOUND'],
      [
        { action: 'create', reason: '测试', unit: { name: '重复', kind: 'dept-hrss', divisionCode: COUNTY, parentId: null } },
        409,
        'UNIT_EXISTS',
      ],
    ];
    for (const [body, status, code] of cases) {
      const res = await callAs<Problem>(w, cityAdmin(SYSADMIN_1), 'POST', '/org/change-requests', body);
      expect([res.status, res.body.code]).toEqual([status, code]);
    }
    expect((await w.sql(`SELECT id FROM routing.org_change_requests WHERE status = 'pending'`)).length).toBe(0);
  });
});
