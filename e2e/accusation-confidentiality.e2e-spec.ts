import type { ServiceName, StaffRole } from '@sunshine/platform';
import { eventually, http, sql } from '@sunshine/testing';

import {
  caseFree,
  type CaseIds,
  DETAIL_READS,
  fill,
  LIST_READS,
  nonexistentIds,
  operationOf,
  REPLAY,
  WRITES,
} from './accusation-confidentiality-probes';
import { type Answer, rawRequest, type SendOptions } from './raw-request';
import { D, DONGTUN, type Registered, RoutingE2e } from './routing-support';
import { SseClient } from './supervision-sse';

// 《信访工作条例》第30、46条: an accusation (检举控告) against 东屯镇人民政府, registered at 延津县信访局, goes by rule to
// 延津县纪委监委. The accused government, its petition office, its offices, its 纪委 and a village under it learn nothing
// of it on any endpoint of any service; the discipline commission reads all; the registering bureau keeps the bare facts.

const OFFICE = `${DONGTUN}:office-finance`;
const SEES_NOTHING: ReadonlyArray<{ unitId: string; who: string }> = [
  { unitId: `${DONGTUN}:government`, who: '东屯镇人民政府 (the accused unit)' },
  { unitId: `${DONGTUN}:petition-office`, who: '东屯镇信访办 (the accused government’s petition office)' },
  { unitId: OFFICE, who: '东屯镇财政所 (an office of the accused government)' },
  { unitId: `${DONGTUN}:discipline`, who: '东屯镇纪委 (same township, not the organ with authority)' },
  { unitId: '410726101201:village-committee', who: '东屯村村民委员会 (a village under the accused)' },
];
const DISCIPLINE = D.yanjinDiscipline;
const CITY_DISCIPLINE = D.cityDiscipline;
const BUREAU = D.yanjinBureau;
const ROLES: StaffRole[] = ['clerk', 'handler', 'head', 'dispatcher', 'supervisor', 'leader', 'admin'];
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** What the registration plants: only the discipline commission may ever read it. */
const ACCUSER = { name: '司马秋菊', idNumber: '41072619850315372X', phone: '13637301234', address: '延津县东屯镇东屯村三组17号' };
const REPRESENTATIVES = [
  { name: '上官春生', idNumber: '410726197902184417', phone: '13938765432' },
  { name: '欧阳冬梅', phone: '15903731234' },
];
const CONTENT_SECRET = '副镇长在土地流转补偿款发放中每亩截留三百元';
const ACCUSED_PERSON = '东屯镇副镇长贾某某';
const ATTACHMENT_SECRET = 'bank transfer 2024-03-12 RMB 40000 to Jia';
const REPLY_SECRET = '经县纪委监委立案审查相关人员已受到党内警告处分';
const IDENTITY = [
  ACCUSER.name,
  ACCUSER.idNumber,
  '410***********372X',
  ACCUSER.phone,
  ACCUSER.address,
  ...REPRESENTATIVES.flatMap((r) => [r.name, r.phone, r.idNumber ?? r.name]),
];
const ACCUSATION_TEXT = [CONTENT_SECRET, ACCUSED_PERSON, ATTACHMENT_SECRET];

interface Seen {
  viewer: string;
  where: string;
  text: string;
}
interface View {
  status: string;
  holdingUnitId: string;
  clocks: Array<{ kind: string; dueAt: string; status: string }>;
  timeline: Array<{ type: string }>;
}

describe('an accusation never reaches the accused (Art 30, 46): every endpoint of every service', () => {
  let e: RoutingE2e;
  let accusation: Registered;
  let control: Registered;
  let ids: CaseIds;
  let offset = 0;
  const feeds = new Map<string, SseClient>();
  /** notification's in-app notice stream of each viewer (issue 13). */
  const noticeStreams = new Map<string, SseClient>();
  const seen: Seen[] = [];
  const covered = new Set<string>();

  async function send(service: ServiceName, method: string, path: string, unitId: string, options: SendOptions = {}): Promise<Answer> {
    return rawRequest(`${e.h.url(service)}${path}`, method, await e.token(unitId, ROLES), options);
  }

  /** A probe as a viewer: recorded for the sweep of secrets, its operation marked as covered. */
  async function probe(
    service: ServiceName,
    method: string,
    template: string,
    unitId: string,
    options: { body?: unknown; ifMatch?: number; form?: FormData } = {},
  ): Promise<Answer> {
    covered.add(`${service} ${operationOf(method, template)}`);
    const answer = await send(service, method, fill(template, ids), unitId, options);
    seen.push({ viewer: unitId, where: `${service} ${method} ${fill(template, ids)}`, text: answer.text });
    return answer;
  }

  const view = (unitId: string) =>
    send('supervision', 'GET', `/cases/${accusation.caseId}`, unitId).then((a) => a.json as View & { code?: string });
  const until = (what: string, ok: (v: View) => boolean, timeoutMs = 90000) =>
    eventually(
      async () => {
        const v = await view(DISCIPLINE);
        return v && Array.isArray(v.timeline) && ok(v) ? v : undefined;
      },
      timeoutMs,
      what,
    );
  const moveTo = async (instantMs: number) => {
    offset = Math.max(offset, instantMs - Date.now() + 60_000);
    await e.h.setClockOffset(offset);
  };
  const act = async (action: string, body?: unknown, roles: StaffRole[] = ROLES) => {
    // An event of another service (intake's attachment correction) may reach routing's replica between read and write.
    let res = await e.act(DISCIPLINE, accusation.caseId, action, body, roles);
    for (let retry = 0; retry < 5 && res.status === 409 && res.body.code === 'VERSION_CONFLICT'; retry++) {
      await new Promise((r) => setTimeout(r, 500));
      res = await e.act(DISCIPLINE, accusation.caseId, action, body, roles);
    }
    if (res.status !== 200) throw new Error(`${action} as ${DISCIPLINE}: ${res.status} ${JSON.stringify(res.body)}`);
  };

  function attachmentForm(text: string): FormData {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(Buffer.from(text, 'utf8'))], { type: 'text/plain' }), 'evidence.txt');
    return form;
  }

  beforeAll(async () => {
    e = await RoutingE2e.start();
    // An office of the township government (the demo directory has none below the government but its petition office).
    // A new unit comes through a change request: one city system administrator proposes, another approves (issue 17).
    const proposed = await http<{ id: string }>('POST', `${e.h.url('routing')}/org/change-requests`, {
      token: await e.token(D.cityBureau, ['sysadmin'], 'city-sysadmin-1'),
      body: {
        action: 'create',
        reason: '新设东屯镇财政所',
        unit: { id: OFFICE, name: '东屯镇财政所', kind: 'township-office', divisionCode: DONGTUN, parentId: `${DONGTUN}:government` },
      },
    });
    if (proposed.status !== 201) throw new Error(`proposing ${OFFICE}: ${proposed.status} ${JSON.stringify(proposed.body)}`);
    const office = await http('POST', `${e.h.url('routing')}/org/change-requests/${proposed.body.id}/approve`, {
      token: await e.token(D.cityBureau, ['sysadmin'], 'city-sysadmin-2'),
    });
    if (office.status !== 200) throw new Error(`creating ${OFFICE}: ${office.status} ${JSON.stringify(office.body)}`);
    const units = [...SEES_NOTHING.map((v) => v.unitId), DISCIPLINE, BUREAU];
    for (const svc of ['intake', 'supervision'] as const) {
      await eventually(
        async () => {
          const rows = await sql(`SELECT id FROM "${e.h.schema(svc)}".directory_units WHERE id = ANY($1)`, [units]);
          return rows.length === units.length ? true : undefined;
        },
        120000,
        `every viewer unit in ${svc}'s directory`,
      );
    }
    // Subscribe before anything happens.
    for (const unitId of [...SEES_NOTHING.map((v) => v.unitId), DISCIPLINE, BUREAU]) {
      feeds.set(unitId, await SseClient.open(`${e.h.url('supervision')}/feed`, await e.token(unitId, ROLES)));
      noticeStreams.set(unitId, await SseClient.open(`${e.h.url('notification')}/notices/stream`, await e.token(unitId, ROLES)));
    }

    const receivedAt = new Date(Date.now() - 60_000).toISOString();
    control = await e.register(BUREAU, { placeCode: DONGTUN, receivedAt });
    accusation = await e.register(BUREAU, {
      channel: 'visit',
      receivedAt,
      type: 'accusation',
      category: 'other',
      placeCode: DONGTUN,
      subject: '举报东屯镇政府截留土地流转补偿款',
      content: `${CONTENT_SECRET}，涉及六十余户村民，我们可以提供转账记录。`,
      petitioner: ACCUSER,
      form: { kind: 'collective', headCount: 60, representatives: REPRESENTATIVES },
      accused: { unitId: `${DONGTUN}:government`, person: ACCUSED_PERSON },
    });
    const upload = await send('intake', 'POST', `/petitions/${accusation.caseId}/attachments`, BUREAU, {
      form: attachmentForm(ATTACHMENT_SECRET),
    });
    if (upload.status !== 201) throw new Error(`attachment: ${upload.status} ${upload.text}`);

    // Routing's rule sends it to the county's discipline commission, which signs for it.
    await e.waitAt(DISCIPLINE, accusation.caseId, 'dispatched');
    await act('sign');
    // The acceptance clock (Art 23): a deadline warning, then overdue → the order of the discipline organ above (the city's
    // 纪委监委; on an accusation never a bureau's, issue 17), which has no organ above it in the city: no escalation.
    const acceptance = (await until('the acceptance clock', (v) => v.clocks.some((c) => c.kind === 'acceptance'))).clocks.find(
      (c) => c.kind === 'acceptance',
    );
    const due = Date.parse(acceptance?.dueAt ?? '');
    await moveTo(due - 12 * HOUR);
    await until('a deadline warning', (v) => v.timeline.some((t) => t.type === 'case.deadline-warning'));
    await moveTo(due);
    await until('the overdue and the supervision order', (v) =>
      ['case.overdue', 'case.supervision-order-issued'].every((x) => v.timeline.some((t) => t.type === x)),
    );
    const orders = await send('supervision', 'GET', `/supervision-orders?direction=received&caseId=${accusation.caseId}`, DISCIPLINE);
    const order = (orders.json as Array<{ orderId: string; issuedAt: string; byUnitId: string }>)[0];
    if (!order) throw new Error(`no supervision order for the discipline commission: ${orders.text}`);
    if (order.byUnitId !== CITY_DISCIPLINE) throw new Error(`the order came from ${order.byUnitId}, not the city's discipline commission`);
    await moveTo(Date.parse(order.issuedAt) + 8 * DAY);

    // Handling: acceptance, hearing, extension, a leader in charge, the backlog register, the written reply served.
    await act('accept');
    await act('start-handling');
    await act('hearing/start');
    await act('hearing/end');
    await act('extension', { days: 15, reason: { code: 'complex', text: '案情复杂，需调取银行流水' } });
    await act('extension/approve', { days: 15 });
    const leader = await send('supervision', 'POST', `/cases/${accusation.caseId}/leader`, DISCIPLINE, { body: {} });
    if (leader.status !== 201 && leader.status !== 200) throw new Error(`leader: ${leader.status} ${leader.text}`);
    const backlog = await send('supervision', 'POST', `/cases/${accusation.caseId}/backlog`, DISCIPLINE, {
      body: { plan: '县纪委监委牵头，限期查清补偿款去向', reason: { code: 'complex-case', text: '涉及人数多' } },
    });
    if (backlog.status !== 201 && backlog.status !== 200) throw new Error(`backlog: ${backlog.status} ${backlog.text}`);
    const draft = await e.call(
      'routing',
      'PUT',
      `/cases/${accusation.caseId}/reply/draft`,
      DISCIPLINE,
      { outcome: 'supported', text: `${REPLY_SECRET}，现予书面答复。` },
      ROLES,
    );
    if (draft.status !== 200) throw new Error(`reply draft: ${draft.status} ${JSON.stringify(draft.body)}`);
    // Four eyes: another head of the commission approves the reply its staff drafted.
    await act('reply/approve', undefined, ['head']);
    await act('reply/serve', { method: 'post' });
    await until('the reply served', (v) => v.timeline.some((t) => t.type === 'case.reply-served'));

    const documents = await send('routing', 'GET', `/cases/${accusation.caseId}/documents`, DISCIPLINE);
    const dossier = await send('intake', 'GET', `/petitions/${accusation.caseId}/dossier`, DISCIPLINE);
    ids = {
      caseId: accusation.caseId,
      caseNumber: accusation.caseNumber,
      documentId: (documents.json as Array<{ id: string }>)[0]?.id ?? '',
      attachmentId: (dossier.json as { attachments?: Array<{ id: string }> }).attachments?.[0]?.id ?? '',
      orderId: order.orderId,
      leaderRef: `${DISCIPLINE}:staff`,
    };
  });

  afterAll(async () => {
    for (const feed of [...feeds.values(), ...noticeStreams.values()]) await feed.close();
    await e?.h.setClockOffset(0);
    await e?.stop();
  });

  it('routes it to the county discipline commission by rule and leaves clocks, documents, history, alerts, an order of the chain, a backlog entry and a leader', async () => {
    const [dispatched] = await e.waitFor(accusation.caseId, 'case.dispatched');
    expect(dispatched?.payload).toMatchObject({ fromUnitId: BUREAU, toUnitId: DISCIPLINE, rule: { id: 'accusation-discipline' } });
    const v = await view(DISCIPLINE);
    expect(v.holdingUnitId).toBe(DISCIPLINE);
    expect(v.clocks.map((c) => c.kind)).toEqual(expect.arrayContaining(['acceptance', 'supervision-order-answer', 'rating-window']));
    expect(v.timeline.map((t) => t.type)).toEqual(
      expect.arrayContaining([
        'petition.registered',
        'case.dispatched',
        'case.signed',
        'case.deadline-warning',
        'case.overdue',
        'case.supervision-order-issued',
        'case.reported-up',
        'case.accepted',
        'case.hearing-started',
        'case.extension-approved',
        'case.leader-assigned',
        'case.backlog-registered',
        'case.replied',
        'case.reply-served',
      ]),
    );
    expect(ids.documentId).not.toBe('');
    expect(ids.attachmentId).not.toBe('');
    const alerts = await send('supervision', 'GET', '/alerts?limit=500', BUREAU);
    expect(alerts.json).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'collective-visit', level: 'major', caseIds: [accusation.caseId] })]),
    );
    // Supervised by the discipline chain only (issue 17): the city's commission ordered; nothing went up to a bureau.
    const issued = await send('supervision', 'GET', `/supervision-orders?direction=issued&caseId=${accusation.caseId}`, CITY_DISCIPLINE);
    expect(issued.json).toEqual([expect.objectContaining({ orderId: ids.orderId, unitId: DISCIPLINE, byUnitId: CITY_DISCIPLINE })]);
    expect((await send('supervision', 'GET', `/escalations?caseId=${accusation.caseId}`, D.cityBureau)).json).toEqual([]);
  });

  it('shows the county discipline commission everything: the case, the accuser, the text and the attachment', async () => {
    const dossier = await probe('intake', 'GET', '/petitions/{caseId}/dossier', DISCIPLINE);
    // Phones are masked even with full access; the commission sees one in full on a recorded request (issue 17, door 10).
    expect(dossier.json).toMatchObject({
      access: 'full',
      petitioner: { name: ACCUSER.name, phone: '136****1234' },
      accusedPerson: ACCUSED_PERSON,
      content: expect.stringContaining(CONTENT_SECRET),
    });
    const phone = await probe('intake', 'POST', '/petitions/{caseId}/dossier/reveal', DISCIPLINE, {
      body: { field: 'petitioner.phone', reason: { code: 'investigation' } },
    });
    expect(phone.json).toMatchObject({ field: 'petitioner.phone', value: ACCUSER.phone });
    expect((await probe('intake', 'GET', '/petitions/{caseId}/attachments/{attachmentId}', DISCIPLINE)).text).toBe(ATTACHMENT_SECRET);
    for (const path of [
      '/cases/{caseId}',
      '/cases/{caseId}/history',
      '/cases/{caseId}/documents',
      '/cases/{caseId}/documents/{documentId}/html',
      '/cases/{caseId}/reply',
    ]) {
      expect([path, (await probe('routing', 'GET', path, DISCIPLINE)).status]).toEqual([path, 200]);
    }
    expect((await probe('routing', 'GET', '/cases/{caseId}/reply', DISCIPLINE)).text).toContain(REPLY_SECRET);
    expect((await probe('routing', 'GET', '/inbox?limit=200', DISCIPLINE)).text).toContain(accusation.caseId);
    expect((await probe('supervision', 'GET', '/cases?limit=500', DISCIPLINE)).text).toContain(accusation.caseId);
    expect((await probe('supervision', 'GET', '/leader/cases', DISCIPLINE)).text).toContain(accusation.caseId);
    expect((await probe('supervision', 'GET', '/backlog', DISCIPLINE)).text).toContain(accusation.caseId);
  });

  it('shows the county petition bureau that registered it the bare facts, never the accuser nor the text', async () => {
    const dossier = await probe('intake', 'GET', '/petitions/{caseId}/dossier', BUREAU);
    expect(dossier.json).toMatchObject({ access: 'facts-only', caseNumber: accusation.caseNumber, facts: { type: 'accusation' } });
    expect(dossier.json).not.toHaveProperty('petitioner');
    expect(dossier.json).not.toHaveProperty('content');
    expect((await probe('intake', 'GET', '/petitions/{caseId}/attachments/{attachmentId}', BUREAU)).status).toBe(404);
    expect((await probe('routing', 'GET', '/cases/{caseId}', BUREAU)).status).toBe(200);
    const detail = await probe('supervision', 'GET', '/cases/{caseId}', BUREAU);
    // An accusation has no review chain: served, it closes (Art 30).
    expect(detail.json).toMatchObject({ status: 'closed', holdingUnitId: DISCIPLINE });
    expect((await probe('supervision', 'GET', '/cases?limit=500', BUREAU)).text).toContain(accusation.caseId);
    // The reply and the documents are the accusation's text: the bare-facts side gets them as for a missing case.
    for (const path of [
      '/cases/{caseId}/reply',
      '/cases/{caseId}/documents',
      '/cases/{caseId}/documents/{documentId}',
      '/cases/{caseId}/documents/{documentId}/html',
    ]) {
      const [real, none] = [
        await probe('routing', 'GET', path, BUREAU),
        await send('routing', 'GET', fill(path, nonexistentIds(ids)), BUREAU),
      ];
      expect([path, real.status, real.code]).toEqual([path, 404, none.code]);
    }
    const statuses = feeds
      .get(BUREAU)
      ?.of<{ caseId: string; status: string }>('status')
      .filter((c) => c.caseId === accusation.caseId)
      .map((c) => c.status);
    expect(statuses).toEqual(expect.arrayContaining(['registered', 'dispatched', 'signed', 'accepted', 'replied', 'closed']));
    // Every other endpoint too, for the sweep of secrets below.
    for (const { service, path } of [...DETAIL_READS, ...LIST_READS]) await probe(service, 'GET', path, BUREAU);
  });

  it('answers the accused side on every detail endpoint of intake, routing and supervision as for a case that does not exist', async () => {
    const breaches: string[] = [];
    const ghost = nonexistentIds(ids);
    for (const viewer of SEES_NOTHING) {
      for (const { service, path } of DETAIL_READS) {
        const real = await probe(service, 'GET', path, viewer.unitId);
        const none = await send(service, 'GET', fill(path, ghost), viewer.unitId);
        if (real.status < 400 || real.status !== none.status || real.code !== none.code) {
          breaches.push(
            `${service} GET ${path} as ${viewer.who}: ${real.status} ${real.code ?? ''} (a missing case: ${none.status} ${none.code ?? ''})`,
          );
        }
      }
    }
    expect(breaches).toEqual([]);
  });

  it('answers 404 on every detail endpoint for a case that does not exist (what the accused side must get too)', async () => {
    const ghost = nonexistentIds(ids);
    const answers: string[] = [];
    for (const { service, path } of DETAIL_READS) {
      const none = await send(service, 'GET', fill(path, ghost), DISCIPLINE);
      answers.push(`${service} GET ${path}: ${none.status}`);
    }
    expect(answers).toEqual(DETAIL_READS.map(({ service, path }) => `${service} GET ${path}: 404`));
  });

  it('never lists the case to the accused side: inbox, desk, case lists, clocks, alerts, backlog, escalations, orders, leaders, rule replay', async () => {
    const breaches: string[] = [];
    const active = await send('routing', 'GET', '/routing-rules/active', DISCIPLINE);
    const ruleSet = active.json as { rules: Array<{ kind: string }> };
    const candidate = { ...ruleSet, rules: ruleSet.rules.map((r) => (r.kind === 'accusation' ? { ...r, levelsUp: 0 } : r)) };
    for (const viewer of SEES_NOTHING) {
      const answers = [
        ...(await Promise.all(
          LIST_READS.map(async ({ service, path }) => ({
            op: `${service} GET ${path}`,
            a: await probe(service, 'GET', path, viewer.unitId),
          })),
        )),
        {
          op: `routing POST ${REPLAY.path}`,
          a: await probe(REPLAY.service, REPLAY.method, REPLAY.path, viewer.unitId, { body: { candidate } }),
        },
      ];
      for (const { op, a } of answers) {
        if (a.status >= 500) breaches.push(`${op} as ${viewer.who}: answered ${a.status} (a list must answer)`);
        const named = [accusation.caseId, accusation.caseNumber].filter((secret) => a.text.includes(secret));
        if (named.length > 0) breaches.push(`${op} as ${viewer.who}: names the case (${named.join(', ')})`);
      }
    }
    // Controls: the lists do answer the township's overseers (its other cases are there).
    for (const unitId of [`${DONGTUN}:government`, `${DONGTUN}:petition-office`]) {
      const listed = await send('supervision', 'GET', '/cases?limit=500', unitId);
      if (!listed.text.includes(control.caseId))
        breaches.push(`control: supervision GET /cases as ${unitId} lacks the township's own claim ${control.caseId}`);
    }
    expect(breaches).toEqual([]);
  });

  it('never sends the case on the live feed (SSE, subscribed before the case existed) to the accused side', async () => {
    const breaches: string[] = [];
    for (const viewer of SEES_NOTHING) {
      const feed = feeds.get(viewer.unitId);
      if (!feed || feed.status !== 200) breaches.push(`supervision GET /feed as ${viewer.who}: answered ${feed?.status}`);
      for (const m of feed?.messages ?? []) {
        if (JSON.stringify(m).includes(accusation.caseId))
          breaches.push(`supervision GET /feed as ${viewer.who}: ${m.event} ${JSON.stringify(m.data)}`);
      }
    }
    covered.add('supervision GET /feed');
    for (const viewer of SEES_NOTHING) {
      const stream = noticeStreams.get(viewer.unitId);
      if (!stream || stream.status !== 200) breaches.push(`notification GET /notices/stream as ${viewer.who}: answered ${stream?.status}`);
      if (JSON.stringify(stream?.messages ?? []).includes(accusation.caseId))
        breaches.push(`notification GET /notices/stream as ${viewer.who}: carries the accusation`);
    }
    covered.add('notification GET /notices/stream');
    const told = noticeStreams.get(DISCIPLINE)?.of<{ caseId: string }>('notice') ?? [];
    if (!told.some((n) => n.caseId === accusation.caseId))
      breaches.push('control: the discipline commission’s notice stream lacks the accusation');
    // Controls: the feed is live for the township, and carries the accusation to those who may see it.
    const township = feeds.get(`${DONGTUN}:petition-office`)?.of<{ caseId: string }>('status') ?? [];
    if (!township.some((c) => c.caseId === control.caseId))
      breaches.push('control: the petition office’s feed lacks its township’s own claim');
    const chain =
      feeds
        .get(DISCIPLINE)
        ?.of<{ caseId: string; status: string }>('status')
        .filter((c) => c.caseId === accusation.caseId) ?? [];
    if (!chain.some((c) => c.status === 'replied')) breaches.push('control: the discipline commission’s feed lacks the accusation’s reply');
    expect(breaches).toEqual([]);
  });

  it('answers every case-scoped write from the accused side as for a case that does not exist', async () => {
    const breaches: string[] = [];
    const ghost = nonexistentIds(ids);
    for (const viewer of SEES_NOTHING) {
      for (const w of WRITES) {
        const body =
          w.body === undefined
            ? undefined
            : (JSON.parse(
                JSON.stringify(w.body).replaceAll('{viewer}', viewer.unitId).replaceAll('{controlCaseId}', control.caseId),
              ) as unknown);
        const version = w.version ? (await e.view(DISCIPLINE, accusation.caseId)).body.version : undefined;
        const form = w.multipart ? () => attachmentForm('补充材料 supplementary material') : () => undefined;
        const real = await probe(w.service, w.method, w.path, viewer.unitId, { body, ifMatch: version, form: form() });
        const none = await send(w.service, w.method, fill(w.path, ghost), viewer.unitId, { body, ifMatch: version, form: form() });
        if (real.status < 400 || real.status !== none.status || real.code !== none.code) {
          breaches.push(
            `${w.service} ${w.method} ${w.path} as ${viewer.who}: ${real.status} ${real.code ?? ''} (a missing case: ${none.status} ${none.code ?? ''})`,
          );
        }
      }
    }
    expect(breaches).toEqual([]);
  });

  it('tells the accused side nothing when it registers the accuser again: no repeat match, no Art 19 check, no merge oracle', async () => {
    const breaches: string[] = [];
    const office = `${DONGTUN}:petition-office`;
    const names = (where: string, a: Answer) => {
      const named = [accusation.caseId, accusation.caseNumber].filter((secret) => a.text.includes(secret));
      if (named.length > 0) breaches.push(`${where}: names the accusation (${named.join(', ')})`);
    };
    // The accuser comes to the township's petition office with the same matter (or the township guesses who accused it).
    const again = await send('intake', 'POST', '/petitions', office, {
      body: {
        channel: 'visit',
        receivedAt: new Date(Date.now() + offset - 60_000).toISOString(),
        type: 'claim',
        category: 'other',
        placeCode: DONGTUN,
        subject: '举报东屯镇政府截留土地流转补偿款',
        content: `${CONTENT_SECRET}，涉及六十余户村民，我们可以提供转账记录。`,
        petitioner: ACCUSER,
        form: { kind: 'individual' },
      },
    });
    expect([again.status, again.text]).toEqual([201, expect.any(String)]);
    names(`intake POST /petitions as ${office}`, again);
    const repeat = again.json as { caseId: string };
    const views: Array<[ServiceName, string]> = [
      ['intake', `/petitions/${repeat.caseId}/dossier`],
      ['routing', `/cases/${repeat.caseId}`],
      ['routing', `/cases/${repeat.caseId}/history`],
      ['routing', `/cases/${repeat.caseId}/dispatches`],
      ['supervision', `/cases/${repeat.caseId}`],
      ['routing', '/inbox?limit=200'],
      ['supervision', '/cases?limit=500'],
    ];
    for (const unitId of [office, `${DONGTUN}:government`]) {
      for (const [service, path] of views) {
        const a = await eventually(
          async () => {
            const res = await send(service, 'GET', path, unitId);
            return res.status === 200 && (!path.includes('?') || res.text.includes(repeat.caseId)) ? res : undefined;
          },
          60000,
          `${service} GET ${path} as ${unitId}`,
        );
        names(`${service} GET ${path} (the repeat) as ${unitId}`, a);
      }
    }
    // Linking the repeat to the accusation by hand answers as for a case that does not exist.
    const merge = (matchedCaseId: string) =>
      send('intake', 'POST', `/petitions/${repeat.caseId}/merge`, office, { body: { matchedCaseId } });
    const [real, none] = [await merge(accusation.caseId), await merge(nonexistentIds(ids).caseId)];
    if (real.status !== none.status || real.code !== none.code) {
      breaches.push(
        `intake POST /petitions/{caseId}/merge {matchedCaseId: the accusation} as ${office}: ${real.status} ${real.code ?? ''} (a missing case: ${none.status} ${none.code ?? ''})`,
      );
    }
    names(`intake POST /petitions/{caseId}/merge as ${office}`, real);
    expect(breaches).toEqual([]);
  });

  it('never shows the accuser, the text or the reply to anyone but the discipline commission', async () => {
    const breaches: string[] = [];
    for (const [unitId, feed] of feeds) seen.push({ viewer: unitId, where: 'supervision GET /feed', text: JSON.stringify(feed.messages) });
    for (const [unitId, stream] of noticeStreams)
      seen.push({ viewer: unitId, where: 'notification GET /notices/stream', text: JSON.stringify(stream.messages) });
    for (const s of seen) {
      if (s.viewer === DISCIPLINE) continue;
      // (Whether the case itself shows is the business of the tests above; here: the people and the words.)
      // The reply is the accusation's text too: the bare-facts side never reads it either.
      const needles = [...IDENTITY, ...ACCUSATION_TEXT, REPLY_SECRET];
      for (const n of needles) if (s.text.includes(n)) breaches.push(`${s.where} as ${s.viewer}: shows “${n}”`);
    }
    expect(seen.filter((s) => s.viewer === BUREAU).length).toBeGreaterThanOrEqual(DETAIL_READS.length + LIST_READS.length);
    expect(breaches).toEqual([]);
  });

  it('probes every operation of the five services that can reveal a case (their OpenAPI documents)', async () => {
    const missing: string[] = [];
    const operations: string[] = [];
    for (const service of ['intake', 'routing', 'supervision', 'notification', 'evaluation'] as const) {
      const doc = await http<{ paths?: Record<string, Record<string, unknown>> }>('GET', `${e.h.url(service)}/docs-json`);
      expect([service, doc.status]).toEqual([service, 200]);
      for (const [path, methods] of Object.entries(doc.body.paths ?? {})) {
        for (const method of Object.keys(methods)) {
          const op = `${method.toUpperCase()} ${path}`;
          operations.push(`${service} ${op}`);
          if (!covered.has(`${service} ${op}`) && !caseFree(service, op)) missing.push(`${service} ${op}`);
        }
      }
    }
    // Control: the documents list what the probes reach.
    expect(operations).toEqual(
      expect.arrayContaining(['intake GET /petitions/{caseId}/dossier', 'routing GET /inbox', 'supervision GET /feed']),
    );
    expect(missing).toEqual([]);
  });
});
