import { v7 as uuidv7 } from 'uuid';

import { RoutingWorld, U } from './support/routing-world';

interface Result {
  version: number;
  status: string;
  holdingUnitId: string;
  events: Array<{ id: string; type: string }>;
}
interface Problem {
  code: string;
  message: { zh: string; en: string };
}

// One routing process on real PostgreSQL and Kafka: a unit works a case from receipt to the served reply, the
// lifecycle steps other services' facts trigger, and refusals that emit nothing.
describe('a unit’s work on a case (routing alone)', () => {
  let w: RoutingWorld;
  const outboxCount = async (caseId: string) =>
    Number((await w.sql<{ n: string }>(`SELECT count(*) AS n FROM routing.outbox WHERE message_key = $1`, [caseId]))[0]?.n);

  beforeAll(async () => {
    w = await RoutingWorld.start('small');
  });

  afterAll(async () => {
    await w?.stop();
  });

  async function atHrss(): Promise<string> {
    const caseId = await w.register();
    const [dispatched] = await w.waitFor(caseId, 'case.dispatched');
    expect(dispatched?.payload).toMatchObject({ fromUnitId: U.countyBureau, toUnitId: U.hrss, mode: 'assign', hop: 1 });
    return caseId;
  }

  it('signs, accepts, extends, replies with the head’s approval and serves, issuing the numbered documents', async () => {
    const caseId = await atHrss();
    expect((await w.act<Result>(U.hrss, caseId, 'sign')).body.status).toBe('signed');
    expect((await w.act<Result>(U.hrss, caseId, 'handler', { handlerId: 'hrss-handler-1' })).status).toBe(200);
    expect((await w.act<Result>(U.hrss, caseId, 'accept', { claimRoute: 'petition' })).body.status).toBe('accepted');
    expect((await w.act<Result>(U.hrss, caseId, 'start-handling')).body.status).toBe('in-progress');
    expect((await w.act(U.hrss, caseId, 'extension', { days: 20, reason: { code: 'complex', text: '需调取工地用工记录' } })).status).toBe(
      200,
    );
    const approved = await w.act<Result>(U.hrss, caseId, 'extension/approve', {}, ['head']);
    expect(approved.body.events.map((e) => e.type)).toEqual(['case.extension-approved']);

    const draft = await w.call(
      'PUT',
      `/cases/${caseId}/reply/draft`,
      U.hrss,
      { outcome: 'supported', text: '经核查，欠薪属实，已责令用工单位于十日内足额支付。' },
      ['handler'],
    );
    expect(draft.status).toBe(200);
    const replied = await w.act<Result>(U.hrss, caseId, 'reply/approve', undefined, ['head']);
    expect(replied.body).toMatchObject({ status: 'replied', events: [{ type: 'case.replied' }] });
    const served = await w.act<Result>(U.hrss, caseId, 'reply/serve', { method: 'in-person' }, ['clerk']);
    expect(served.body.events.map((e) => e.type)).toEqual(['case.reply-served']);
    expect((await w.act<Result>(U.hrss, caseId, 'assignment-report', { text: '已督促用工单位支付全部欠薪。' })).body.events[0]?.type).toBe(
      'case.assignment-report-submitted',
    );

    const service = await w.h.keys.token({ sub: 'service:intake', unit: 'service:intake', division: '000000000000', roles: ['service'] });
    const reply = (await fetch(`${w.url}/cases/${caseId}/reply`, { headers: { authorization: `Bearer ${service}` } }).then((r) =>
      r.json(),
    )) as Record<string, string>;
    expect(reply).toMatchObject({ outcome: 'supported', stage: 'original', unitId: U.hrss, servedMethod: 'in-person' });
    expect(reply['text']).toContain('欠薪属实');
    expect(Date.parse(reply['approvedAt'] ?? '')).toBeLessThanOrEqual(Date.parse(reply['servedAt'] ?? ''));

    const docs = await w.call<Array<{ id: string; kind: string; number: string }>>('GET', `/cases/${caseId}/documents`, U.hrss);
    expect(docs.body.map((d) => d.kind)).toEqual(['assignment', 'acceptance-notice', 'extension-notice', 'reply', 'assignment-report']);
    expect(docs.body[0]?.number).toMatch(/^延津县信访局交〔\d{4}〕\d+号$/);
    expect(docs.body[2]?.number).toMatch(/^延津县人力资源和社会保障局延〔\d{4}〕1号$/);
    const html = await fetch(`${w.url}/cases/${caseId}/documents/${docs.body[3]?.id}/html`, {
      headers: { authorization: `Bearer ${await w.token(U.hrss)}` },
    });
    expect(html.headers.get('content-type')).toContain('text/html');
    expect(await html.text()).toContain('信访事项处理意见书');
  });

  it('works with an assisting unit, and a head who rejects an extension', async () => {
    const caseId = await atHrss();
    for (const step of ['sign', 'accept', 'start-handling']) await w.act(U.hrss, caseId, step);
    expect((await w.act<Result>(U.hrss, caseId, 'assisting-units', { assistingUnitId: U.housing }, ['head'])).body.events[0]?.type).toBe(
      'case.assisting-unit-added',
    );
    const assisting = await w.call<{ items: Array<{ caseId: string }> }>('GET', '/inbox?relation=assisting', U.housing);
    expect(assisting.body.items.map((i) => i.caseId)).toEqual([caseId]);
    // The default inbox shows it too, marked as assisting (issue 12: it looked empty); `relation=held` leaves it out.
    const inbox = await w.call<{ items: Array<{ caseId: string; assisting: boolean; holding: boolean; holdingUnitName: string }> }>(
      'GET',
      '/inbox',
      U.housing,
    );
    expect(inbox.body.items.map(({ caseId: id, assisting: a, holding, holdingUnitName }) => ({ id, a, holding, holdingUnitName }))).toEqual(
      [{ id: caseId, a: true, holding: false, holdingUnitName: '延津县人力资源和社会保障局' }],
    );
    expect((await w.call('GET', '/inbox?relation=held', U.housing)).body['items']).toEqual([]);
    const contributed = await w.act<Result>(U.housing, caseId, 'assist-contributions', {
      text: '经查，该工地施工许可手续齐全，工程款已按进度拨付。',
    });
    expect(contributed.body.events[0]?.type).toBe('case.assist-contributed');
    const [event] = await w.waitFor(caseId, 'case.assist-contributed');
    expect(event?.payload).toMatchObject({ unitId: U.housing, leadUnitId: U.hrss, documentRef: expect.stringMatching(/^routing:doc:/) });

    await w.act(U.hrss, caseId, 'extension', { days: 10, reason: { code: 'complex', text: '需协调住建部门' } }, ['handler']);
    const rejected = await w.act<Result>(
      U.hrss,
      caseId,
      'extension/reject',
      { reason: { code: 'not-needed', text: '可在法定期限内办结' } },
      ['head'],
    );
    expect(rejected.body.events[0]?.type).toBe('case.extension-rejected');
    const none = await w.act<Problem>(U.hrss, caseId, 'extension/approve', {}, ['head']);
    expect([none.status, none.body.code]).toEqual([409, 'NO_PENDING_EXTENSION']);
  });

  it('declines a case with the reason and the proper channel, issues the notice, and closes it', async () => {
    const caseId = await atHrss();
    await w.act(U.hrss, caseId, 'sign');
    const declined = await w.act<Result>(U.hrss, caseId, 'not-accept', {
      reason: { code: 'other-procedure', text: '该事项属于劳动争议仲裁受理范围' },
      properChannel: 'arbitration',
    });
    expect(declined.body.status).toBe('not-accepted');
    const docs = await w.call<Array<{ id: string; kind: string }>>('GET', `/cases/${caseId}/documents`, U.hrss);
    const notice = docs.body.find((d) => d.kind === 'non-acceptance-notice');
    const html = await fetch(`${w.url}/cases/${caseId}/documents/${notice?.id}/html`, {
      headers: { authorization: `Bearer ${await w.token(U.hrss)}` },
    }).then((r) => r.text());
    expect(html).toContain('信访事项不予受理告知书');
    expect(html).toContain('依法申请仲裁');
    expect((await w.act<Result>(U.hrss, caseId, 'close', { reason: { code: 'not-accepted' } }, ['head'])).body.status).toBe('closed');
    const view = await w.call<{ status: string; allowedActions: string[] }>('GET', `/cases/${caseId}`, U.hrss);
    // Closed: only the 交办 report still owed to the bureau remains (no reply to serve: issue 12).
    expect(view.body).toMatchObject({ status: 'closed', allowedActions: ['submit-assignment-report'] });
  });

  it('refuses illegal actions with the reason and emits nothing', async () => {
    const caseId = await atHrss();
    await w.act(U.hrss, caseId, 'sign');
    const before = await outboxCount(caseId);

    const early = await w.call<Problem>('PUT', `/cases/${caseId}/reply/draft`, U.hrss, {
      outcome: 'supported',
      text: '尚未受理即答复的草稿内容。',
    });
    expect([early.status, early.body.code]).toEqual([409, 'ILLEGAL_TRANSITION']);
    // A unit acting on a case it may see but does not hold: 403 (the one mapping of decide's refusals).
    const notHolder = await w.act<Problem>(U.countyBureau, caseId, 'accept');
    expect([notHolder.status, notHolder.body.code]).toEqual([403, 'NOT_HOLDING_UNIT']);
    expect((await w.act<Problem>(U.housing, caseId, 'accept')).status).toBe(404);

    await w.act(U.hrss, caseId, 'accept');
    const afterAccept = await outboxCount(caseId);
    const tooLong = await w.act<Problem>(U.hrss, caseId, 'extension', { days: 31, reason: { code: 'complex', text: '情况复杂' } });
    expect([tooLong.status, tooLong.body.code]).toEqual([422, 'EXTENSION_TOO_LONG']);
    expect(tooLong.body.message.zh).toContain('30日');
    await w.call('PUT', `/cases/${caseId}/reply/draft`, U.hrss, { outcome: 'explained', text: '经核查，已向信访人解释政策。' });
    // A handler approving a reply: a role problem (the head's 审签), not an unapproved reply (issue 12).
    const unapproved = await w.act<Problem>(U.hrss, caseId, 'reply/approve', undefined, ['handler']);
    expect([unapproved.status, unapproved.body.code]).toEqual([403, 'HEAD_DECISION_REQUIRED']);
    const noVersion = await w.call<Problem>('POST', `/cases/${caseId}/start-handling`, U.hrss);
    expect([noVersion.status, noVersion.body.code]).toEqual([400, 'VERSION_REQUIRED']);
    // A case the caller may not see answers 404 with or without a version: visibility before the version (issue 12).
    const unseen = await w.call<Problem>('POST', `/cases/${caseId}/start-handling`, U.housing);
    expect([unseen.status, unseen.body.code]).toEqual([404, 'CASE_NOT_FOUND']);

    expect(before + 1).toBe(afterAccept);
    expect(await outboxCount(caseId)).toBe(afterAccept);
  });

  // Issue 17, door 10: one subject holding handler and head drafted and approved its own reply. Four eyes now.
  it('refuses a reply approved by the person who drafted it (four eyes), and emits nothing', async () => {
    const caseId = await atHrss();
    for (const step of ['sign', 'accept']) await w.act(U.hrss, caseId, step);
    const drafter = `${U.hrss}-handler-and-head`;
    const draft = await w.call('PUT', `/cases/${caseId}/reply/draft`, U.hrss, {
      outcome: 'explained',
      text: '经核查，已向信访人解释相关政策。',
    });
    expect(draft.status).toBe(200);
    const before = await outboxCount(caseId);
    // The same person, holding handler and head: refused, the draft stays a draft, no case.replied.
    const self = await w.act<Problem>(U.hrss, caseId, 'reply/approve');
    expect([self.status, self.body.code]).toEqual([403, 'FOUR_EYES_REQUIRED']);
    expect(self.body.message.zh).toContain('起草人以外的负责人审签');
    // A head who rewrites the draft becomes its drafter and may not approve it either.
    const headToken = await w.token(U.hrss, ['handler', 'head'], drafter);
    const rewrite = await fetch(`${w.url}/cases/${caseId}/reply/draft`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${headToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ outcome: 'explained', text: '经核查，已向信访人当面解释相关政策。' }),
    });
    expect(rewrite.status).toBe(200);
    const own = await fetch(`${w.url}/cases/${caseId}/reply/approve`, {
      method: 'POST',
      headers: { authorization: `Bearer ${headToken}`, 'if-match': `"${await w.version(caseId)}"` },
    });
    expect([own.status, ((await own.json()) as Problem).code]).toEqual([403, 'FOUR_EYES_REQUIRED']);
    expect(await outboxCount(caseId)).toBe(before);
    expect(
      await w.sql<{ status: string; drafted_by: string }>(`SELECT status, drafted_by FROM routing.replies WHERE case_id = $1`, [caseId]),
    ).toEqual([{ status: 'draft', drafted_by: drafter }]);

    // Another head of the unit approves it.
    const approved = await w.act<Result>(U.hrss, caseId, 'reply/approve', undefined, ['head']);
    expect(approved.body).toMatchObject({ status: 'replied', events: [{ type: 'case.replied' }] });
    const [replied] = await w.waitFor(caseId, 'case.replied');
    expect(replied?.payload).toMatchObject({ approvedBy: `${U.hrss}-head` });
  });

  it('serialises two clerks signing at once: one wins, the other gets 409 and no event', async () => {
    const caseId = await atHrss();
    const token = await w.token(U.hrss);
    const version = await w.version(caseId);
    const sign = () =>
      fetch(`${w.url}/cases/${caseId}/sign`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'if-match': `"${version}"` } });
    const results = await Promise.all([sign(), sign()]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const loser = (await results.find((r) => r.status === 409)?.json()) as Problem;
    expect(loser.code).toBe('VERSION_CONFLICT');
    await w.waitFor(caseId, 'case.signed');
    await new Promise((r) => setTimeout(r, 1000));
    expect((await w.eventsOf(caseId)).filter((e) => e.type === 'case.signed')).toHaveLength(1);
  });

  it('serves the reply from notification’s delivery receipt and closes the case when the review window expires', async () => {
    const caseId = await atHrss();
    for (const step of ['sign', 'accept']) await w.act(U.hrss, caseId, step);
    await w.call('PUT', `/cases/${caseId}/reply/draft`, U.hrss, { outcome: 'not-supported', text: '经核查，诉求缺乏事实依据。' });
    await w.act(U.hrss, caseId, 'reply/approve', undefined, ['head']);
    const deliveredAt = new Date().toISOString();
    const noticeId = uuidv7();
    await w.produce(caseId, 'case.notice-delivered', { noticeId, kind: 'reply', channel: 'sms', attempt: 1, unitId: U.hrss, deliveredAt });
    const [served] = await w.waitFor(caseId, 'case.reply-served');
    expect(served?.payload).toEqual({ unitId: U.hrss, servedAt: deliveredAt, method: 'electronic', noticeId });
    expect(served?.causationId).not.toBeNull();

    await w.produce(caseId, 'case.window-expired', { window: 'review', stage: 'original', unitId: U.hrss, dueAt: deliveredAt });
    const [closed] = await w.waitFor(caseId, 'case.closed');
    expect(closed?.payload).toEqual({ unitId: U.hrss, reason: { code: 'window-passed' } });
  });

  it('sends a case no rule settles to the bureau’s desk, where a person dispatches it', async () => {
    // A place outside 延津县: the county bureau cannot route it by territory.
    const caseId = await w.register({ placeCode: '410727000000' });
    await w.waitFor(caseId, 'case.manual-dispatch-required');
    const desk = await w.call<{ items: Array<{ caseId: string; reason: string; detail: string; version: number }> }>(
      'GET',
      '/desk',
      U.countyBureau,
    );
    const item = desk.body.items.find((i) => i.caseId === caseId);
    expect(item).toMatchObject({ reason: 'no-rule-matched' });
    expect(item?.detail).toContain('属地');
    const sent = await w.act<Result>(U.countyBureau, caseId, 'dispatch', {
      toUnitId: U.cityBureau,
      mode: 'forward',
      reason: { text: '事发地属封丘县，报市局转办' },
    });
    expect(sent.body).toMatchObject({ status: 'dispatched', holdingUnitId: U.cityBureau });
    const why = await w.call<Array<{ rule: { id: string }; reasons: string[] }>>('GET', `/cases/${caseId}/dispatches`, U.countyBureau);
    expect(why.body[0]).toMatchObject({ rule: { id: 'manual-desk' } });
    expect(
      (await w.call<{ items: unknown[] }>('GET', '/desk', U.countyBureau)).body.items.some(
        (i) => (i as { caseId: string }).caseId === caseId,
      ),
    ).toBe(false);
  });
});
