import type { ServiceName, StaffRole } from '@sunshine/platform';
import { eventually, http, type JsonResponse, type ServiceHarness } from '@sunshine/testing';

import { labourPetition, startWithDirectory } from './fixtures';
import { D, DONGTUN, type Registered } from './routing-support';

interface Doc {
  id: string;
  kind: string;
}
interface CityItem {
  caseId: string;
  subject: string | null;
  holdingUnitName: string | null;
  placeName: string | null;
}

// Issue 12, the documents and supervision side, across the running services: the notices name the petitioner as
// intake shows the reader (routing stores no personal data), places print by their divisions, an approved extension
// gives the petitioner a 延期告知书; the city list carries each case's subject (full access only) and names; a leader in
// charge (包案) is a registered leader of a unit, never free text.
describe('the desk, the unit and the petitioner (documents and supervision)', () => {
  // The three services these flows cross (notification and evaluation play no part), with the demo directory.
  let h: ServiceHarness;
  beforeAll(async () => {
    h = await startWithDirectory('demo', { services: ['intake', 'routing', 'supervision'] });
  }, 900000);
  afterAll(async () => {
    await h?.stopAll();
  });
  let a: Registered;

  const e = {
    token: (unitId: string, roles: StaffRole[] = ['clerk', 'handler', 'head', 'dispatcher']) =>
      h.keys.token({
        sub: roles.length === 1 && roles[0] === 'head' ? `${unitId}:head` : `${unitId}:staff`,
        unit: unitId,
        division: unitId.slice(0, 12),
        roles,
      }),
    async call<T = Record<string, unknown>>(
      service: ServiceName,
      method: string,
      path: string,
      unitId: string,
      body?: unknown,
      roles?: StaffRole[],
    ): Promise<JsonResponse<T>> {
      return http<T>(method, `${h.url(service)}${path}`, { body, token: await e.token(unitId, roles) });
    },
    async act(unitId: string, caseId: string, action: string, body: unknown, roles: StaffRole[]): Promise<JsonResponse> {
      const view = await e.call<{ version: number }>('routing', 'GET', `/cases/${caseId}`, unitId);
      const token = await e.token(unitId, roles);
      return http('POST', `${h.url('routing')}/cases/${caseId}/${action}`, {
        token,
        body,
        headers: { 'if-match': `"${view.body.version}"` },
      });
    },
  };

  const html = async (caseId: string, kind: string, unitId: string) => {
    const docs = await e.call<Doc[]>('routing', 'GET', `/cases/${caseId}/documents`, unitId);
    const doc = docs.body.find((d) => d.kind === kind);
    if (!doc) throw new Error(`no ${kind} among ${docs.body.map((d) => d.kind).join(', ')}`);
    const res = await fetch(`${h.url('routing')}/cases/${caseId}/documents/${doc.id}/html`, {
      headers: { authorization: `Bearer ${await e.token(unitId)}` },
    });
    return res.text();
  };

  it('prints the petitioner from intake, the place by its divisions, and a 延期告知书 with the reason', async () => {
    const registered = await e.call<Registered>(
      'intake',
      'POST',
      '/petitions',
      D.yanjinBureau,
      labourPetition({ placeCode: DONGTUN, subject: '拖欠东屯镇工地农民工工资' }),
      ['clerk'],
    );
    expect(registered.status).toBe(201);
    a = registered.body;
    await eventually(
      async () => {
        const view = await e.call<{ status: string; holdingUnitId: string }>('routing', 'GET', `/cases/${a.caseId}`, D.hrss);
        return view.status === 200 && view.body.holdingUnitId === D.hrss && view.body.status === 'dispatched' ? true : undefined;
      },
      120000,
      'the case dispatched to 人社局',
    );
    for (const [action, body, roles] of [
      ['sign', undefined, ['clerk']],
      ['accept', { claimRoute: 'petition' }, ['handler']],
      ['start-handling', undefined, ['handler']],
      ['extension', { days: 20, reason: { code: 'complex', text: '需调取工地用工记录' } }, ['handler']],
      ['extension/approve', {}, ['head']],
    ] as const) {
      expect([action, (await e.act(D.hrss, a.caseId, action, body, [...roles])).status]).toEqual([action, 200]);
    }
    const assignment = await html(a.caseId, 'assignment', D.hrss);
    expect(assignment).toContain('事发地：新乡市延津县东屯镇');
    expect(assignment).not.toContain('人民政府东屯镇人民政府');
    const acceptance = await html(a.caseId, 'acceptance-notice', D.hrss);
    expect(acceptance).toContain('<p>信访人：张三</p>');
    expect(acceptance).toContain('自受理之日起60日内办结，办理期限至');
    const extension = await html(a.caseId, 'extension-notice', D.hrss);
    expect(extension).toContain('信访事项延期办理告知书');
    expect(extension).toContain('因需调取工地用工记录，经本机关负责人批准');
    expect(extension).toContain('<p>信访人：张三</p>');
  });

  it('lists the case in the city view with its subject, the holding unit’s and the place’s names; no subject for a facts-only reader', async () => {
    const listed = await eventually(
      async () => {
        const res = await e.call<{ items: CityItem[] }>('supervision', 'GET', '/cases?limit=500', D.yanjinBureau);
        return res.body.items.find((i) => i.caseId === a.caseId && i.holdingUnitName !== null);
      },
      60000,
      'the case in the city list',
    );
    expect(listed).toMatchObject({
      subject: '拖欠东屯镇工地农民工工资',
      holdingUnitName: '延津县人力资源和社会保障局',
      placeName: '新乡市延津县东屯镇',
    });

    // An accusation: the registering bureau keeps its bare facts, never its subject (Art 30); the discipline commission above the accused department reads it.
    const accusation = await e.call<Registered>(
      'intake',
      'POST',
      '/petitions',
      D.yanjinBureau,
      labourPetition({
        type: 'accusation',
        category: 'other',
        subject: '举报住建局干部索贿',
        content: '住建局某干部索要好处费。',
        accused: { unitId: D.housing },
      }),
      ['clerk'],
    );
    expect(accusation.status).toBe(201);
    const seen = (unitId: string) =>
      eventually(
        async () => {
          const res = await e.call<{ items: CityItem[] }>('supervision', 'GET', '/cases?limit=500', unitId);
          return res.body.items.find((i) => i.caseId === accusation.body.caseId);
        },
        60000,
        `the accusation in ${unitId}'s city list`,
      );
    expect((await seen(D.yanjinBureau)).subject).toBeNull();
    expect((await seen(D.cityDiscipline)).subject).toBe('举报住建局干部索贿');
  });

  it('takes a leader in charge only from the staff register: a registered leader’s unit is the leader unit, free text is refused', async () => {
    const registered = await e.call(
      'routing',
      'PUT',
      '/org/users/leader-wang',
      D.yanjinBureau,
      { unitId: D.yanjinGov, roles: ['leader'] },
      ['admin'],
    );
    expect(registered.status).toBe(200);
    const assign = (leaderRef: string) =>
      e.call<Record<string, unknown>>('supervision', 'POST', `/cases/${a.caseId}/leader`, D.yanjinBureau, { leaderRef }, ['supervisor']);
    const ok = await assign('leader-wang');
    expect(ok.status).toBeLessThan(300);
    expect([ok.body['leaderRef'], ok.body['leaderUnitId']]).toEqual(['leader-wang', D.yanjinGov]);
    const free = await assign('张县长');
    expect([free.status, free.body['code']]).toEqual([422, 'LEADER_NOT_STAFF']);
  });
});
