import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { verifyBodySignature } from '@sunshine/platform';
import { eventually, forSuite } from '@sunshine/testing';

import { DONGTUN, IntakeWorld, UNITS } from './support/intake-world';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

interface Receiver {
  url: string;
  received: Received[];
  /** Order numbers whose feedback is refused (503) for as long as they are listed. */
  refusing: Set<string>;
  /** Order numbers whose feedback is held unanswered (the POST hangs) for as long as they are listed. */
  holding: Set<string>;
  /** For each delivery: intake's transactions on the feedback left open meanwhile (pg_stat_activity), 0 when none. */
  openTransactions: number[];
  server: Server;
}

/**
 * The hotline's callback endpoint, started by the test: it refuses the first delivery (503) and every delivery of an
 * order listed in `refusing`, takes every other one; while it holds each request it looks whether intake keeps a
 * transaction open on the feedback (its claim query left `idle in transaction`).
 */
async function startHotlineReceiver(openTransactions: () => Promise<number>): Promise<Receiver> {
  const received: Received[] = [];
  const refusing = new Set<string>();
  const holding = new Set<string>();
  const seen: number[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      void (async () => {
        seen.push(await openTransactions());
        received.push({ headers: req.headers, body });
        const { orderNo } = JSON.parse(body) as { orderNo: string };
        if (holding.has(orderNo)) return;
        res.statusCode = received.length === 1 || refusing.has(orderNo) ? 503 : 200;
        res.end(JSON.stringify({ code: 0 }));
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/12345/feedback`,
    received,
    refusing,
    holding,
    openTransactions: seen,
    server,
  };
}

// 12345 work orders on a real intake process (PostgreSQL, Kafka, Redis): an order registered as a petition (channel
// hotline) once per order number, its case number answered; the reply and the closing posted back to the hotline's
// callback URL, signed, in order, retried after a refusal, with nothing of the caller beyond what the hotline sent.
describe('intake 12345 hotline work orders', () => {
  // Parked after 3 refusals, 200 ms after the first (doubling): the parking is seen within seconds.
  const w = forSuite(
    () => IntakeWorld.start({ HOTLINE_FEEDBACK_MAX_ATTEMPTS: '3', HOTLINE_FEEDBACK_RETRY_BASE_MS: '200' }),
    (world) => world.stop(),
  );
  let receiver: Receiver;
  let opsToken = '';
  let apiKey = '';
  let secret = '';
  let systemId = '';

  const order = (overrides: Record<string, unknown> = {}) => ({
    orderNo: 'GD20261201-0042',
    dispatchedAt: '2026-12-01T01:00:00Z',
    deadline: '2026-12-06T09:00:00Z',
    appealType: 'complaint',
    classCode: '0712',
    className: '劳资纠纷',
    title: '工地拖欠工资',
    content: '来电人反映东屯镇某工地拖欠其工资三个月，请求协调支付。',
    caller: { name: '孙八', phone: '13800138088' },
    place: { divisionCode: DONGTUN, address: '东屯镇工业路8号' },
    ...overrides,
  });
  const send = async (body: unknown, key: string | null = apiKey): Promise<{ status: number; body: Record<string, unknown> }> => {
    const res = await fetch(`${w.url}/interop/12345/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(key === null ? {} : { 'x-api-key': key }) },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  beforeAll(async () => {
    receiver = await startHotlineReceiver(async () => {
      const [row] = await w.sql<{ n: string }>(
        `SELECT count(*) AS n FROM pg_stat_activity WHERE state LIKE 'idle in transaction%' AND query LIKE '%FROM hotline_feedback f JOIN hotline_orders%'`,
      );
      return Number(row?.n);
    });
    const token = await w.h.keys.token({ sub: 'ops-1', unit: UNITS.cityBureau, division: UNITS.cityBureau.slice(0, 12), roles: ['ops'] });
    const res = await fetch(`${w.url}/ops/hotline/systems`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ name: '新乡市12345政务服务便民热线', callbackUrl: receiver.url }),
    });
    opsToken = token;
    expect(res.status).toBe(201);
    ({ id: systemId, apiKey, callbackSecret: secret } = (await res.json()) as { id: string; apiKey: string; callbackSecret: string });
    // Only the key's hash is kept; the callback secret is sealed.
    expect(await w.count('hotline_systems', 'key_hash = $1 OR callback_secret_enc = $2', [apiKey, secret])).toBe(0);
  }, 120_000);

  afterAll(async () => {
    await new Promise((resolve) => receiver.server.close(resolve));
  });

  it('registers an order as a petition (channel hotline) once per order number and answers its case number', async () => {
    const first = await send(order());
    expect(first.status).toBe(201);
    expect(first.body).toEqual({
      orderNo: 'GD20261201-0042',
      caseNumber: expect.any(String),
      receivingUnit: { id: UNITS.countyBureau, name: '延津县信访局' },
    });
    const again = await send(order());
    expect(again).toEqual(first);
    expect(await w.count('hotline_orders', 'order_no = $1', ['GD20261201-0042'])).toBe(1);
    const [row] = await w.sql<{ case_id: string; class_code: string; deadline: Date }>(
      `SELECT case_id, class_code, deadline FROM intake.hotline_orders WHERE order_no = $1`,
      ['GD20261201-0042'],
    );
    expect(row?.class_code).toBe('0712');
    expect(row?.deadline.toISOString()).toBe('2026-12-06T09:00:00.000Z');
    const registered = await w.waitFor(row?.case_id ?? '', 'petition.registered');
    expect(registered.length).toBe(1);
    expect(registered[0]?.payload).toMatchObject({
      caseNumber: first.body['caseNumber'],
      channel: 'hotline',
      type: 'claim',
      category: 'labour',
      placeCode: DONGTUN,
      receivingUnitId: UNITS.countyBureau,
    });
    expect(registered[0]?.actor).toMatchObject({ kind: 'system', id: `hotline:${systemId}` });

    const changed = await send(order({ content: '来电人补充：拖欠工资已达五个月，请求尽快处理。' }));
    expect(changed.status).toBe(409);
    expect(changed.body).toMatchObject({ code: 'HOTLINE_ORDER_CONFLICT' });
    expect((await send(order(), null)).status).toBe(401);
    expect((await send(order(), 'x'.repeat(32))).body).toMatchObject({ code: 'HOTLINE_API_KEY_INVALID' });
    expect((await send({ ...order(), orderNo: '' })).status).toBe(400);
  }, 120_000);

  it('files a class the category table does not name under 其他 with the class as given, and 举报 as a confidential accusation', async () => {
    const res = await send(
      order({
        orderNo: 'GD20261201-0043',
        appealType: 'report',
        classCode: '0999',
        className: '噪声扰民',
        title: '夜间施工噪声',
        content: '来电人举报某工地夜间违规施工，噪声扰民。',
      }),
    );
    expect(res.status).toBe(201);
    const [row] = await w.sql<{ case_id: string }>(`SELECT case_id FROM intake.hotline_orders WHERE order_no = $1`, ['GD20261201-0043']);
    const [registered] = await w.waitFor(row?.case_id ?? '', 'petition.registered');
    expect(registered?.payload).toMatchObject({
      channel: 'hotline',
      type: 'accusation',
      category: 'other',
      asGiven: { category: '0999 噪声扰民' },
      flags: { confidential: true },
    });
  }, 120_000);

  it('posts 签收, the reply’s result and the closing back to the hotline, signed, in order, the refused one again', async () => {
    const [row] = await w.sql<{ case_id: string }>(`SELECT case_id FROM intake.hotline_orders WHERE order_no = $1`, ['GD20261201-0042']);
    const caseId = row?.case_id ?? '';
    const [{ caseNumber } = { caseNumber: '' }] = await w.sql<{ caseNumber: string }>(
      `SELECT case_number AS "caseNumber" FROM intake.petitions WHERE case_id = $1`,
      [caseId],
    );
    await w.produce(caseId, 'case.dispatched', {
      stage: 'original',
      fromUnitId: UNITS.countyBureau,
      toUnitId: UNITS.hrss,
      mode: 'assign',
      rule: { id: 'territory-competence-level', version: 1 },
      reasons: ['属地'],
      hop: 1,
    });
    const signed = await w.produce(caseId, 'case.signed', { unitId: UNITS.hrss });
    const replied = await w.produce(caseId, 'case.replied', {
      unitId: UNITS.hrss,
      stage: 'original',
      outcome: 'supported',
      replyDocumentRef: 'routing:reply:1',
      approvedBy: 'hrss-head',
    });
    const closed = await w.produce(caseId, 'case.closed', {
      unitId: UNITS.hrss,
      reason: { code: 'window-passed', text: '孙八未申请复查' },
    });

    // The first delivery (签收) is refused (503) and sent again; the result and the closing wait their turn.
    const got = await eventually(async () => (receiver.received.length >= 4 ? receiver.received : undefined), 60000, 'four deliveries');
    expect(got.map((r) => r.headers['x-sunshine-delivery'])).toEqual([signed.id, signed.id, replied.id, closed.id]);
    // No transaction of intake's was left open on the feedback while each POST waited for the hotline's answer.
    expect(receiver.openTransactions.slice(0, 4)).toEqual([0, 0, 0, 0]);
    for (const r of got) {
      expect(
        verifyBodySignature(secret, String(r.headers['x-sunshine-timestamp']), r.body, String(r.headers['x-sunshine-signature'])),
      ).toBe(true);
      expect(r.body).not.toMatch(/孙八|13800138088|拖欠/);
    }
    expect(JSON.parse(got[1]?.body ?? '{}')).toEqual({
      feedbackId: signed.id,
      orderNo: 'GD20261201-0042',
      caseNumber,
      kind: 'signed',
      kindLabel: '签收',
      status: 'signed',
      statusLabel: '已签收',
      unit: { id: UNITS.hrss, name: '延津县人力资源和社会保障局' },
      summary: '延津县人力资源和社会保障局已签收',
      occurredAt: signed.occurredAt,
    });
    expect(JSON.parse(got[2]?.body ?? '{}')).toEqual({
      feedbackId: replied.id,
      orderNo: 'GD20261201-0042',
      caseNumber,
      kind: 'result',
      kindLabel: '办理结果',
      status: 'replied',
      statusLabel: '已答复',
      unit: { id: UNITS.hrss, name: '延津县人力资源和社会保障局' },
      outcome: 'supported',
      outcomeLabel: '支持',
      summary: '延津县人力资源和社会保障局已出具信访处理意见：支持',
      occurredAt: replied.occurredAt,
    });
    expect(JSON.parse(got[3]?.body ?? '{}')).toEqual({
      feedbackId: closed.id,
      orderNo: 'GD20261201-0042',
      caseNumber,
      kind: 'closed',
      kindLabel: '办结',
      status: 'closed',
      statusLabel: '已办结',
      unit: { id: UNITS.hrss, name: '延津县人力资源和社会保障局' },
      closingReason: 'window-passed',
      summary: '延津县人力资源和社会保障局：已办结',
      occurredAt: closed.occurredAt,
    });
    expect(
      await w.sql<{ attempts: number; delivered: boolean }>(
        `SELECT attempts, delivered_at IS NOT NULL AS delivered FROM intake.hotline_feedback WHERE case_id = $1 ORDER BY seq`,
        [caseId],
      ),
    ).toEqual([
      { attempts: 2, delivered: true },
      { attempts: 1, delivered: true },
      { attempts: 1, delivered: true },
    ]);
  }, 120_000);

  it('parks a feedback refused 3 times (its case’s next one waits), lists it for city ops and delivers it once on a replay with a reason', async () => {
    const res = await send(
      order({ orderNo: 'GD20261201-0044', title: '小区停水', content: '来电人反映小区连续三天停水，请求尽快恢复供水。' }),
    );
    expect(res.status).toBe(201);
    const [row] = await w.sql<{ case_id: string }>(`SELECT case_id FROM intake.hotline_orders WHERE order_no = $1`, ['GD20261201-0044']);
    const caseId = row?.case_id ?? '';
    await w.waitFor(caseId, 'petition.registered');
    receiver.refusing.add('GD20261201-0044');
    const ofThisOrder = () => receiver.received.filter((r) => (JSON.parse(r.body) as { orderNo: string }).orderNo === 'GD20261201-0044');
    await w.produce(caseId, 'case.dispatched', {
      stage: 'original',
      fromUnitId: UNITS.countyBureau,
      toUnitId: UNITS.hrss,
      mode: 'assign',
      rule: { id: 'territory-competence-level', version: 1 },
      reasons: ['属地'],
      hop: 1,
    });
    const signed = await w.produce(caseId, 'case.signed', { unitId: UNITS.hrss });
    const replied = await w.produce(caseId, 'case.replied', {
      unitId: UNITS.hrss,
      stage: 'original',
      outcome: 'supported',
      replyDocumentRef: 'routing:reply:2',
      approvedBy: 'hrss-head',
    });
    await eventually(
      async () => ((await w.count('hotline_feedback', 'case_id = $1 AND parked_at IS NOT NULL', [caseId])) === 1 ? true : undefined),
      60000,
      'the refused feedback parked',
    );
    expect(ofThisOrder().map((r) => r.headers['x-sunshine-delivery'])).toEqual([signed.id, signed.id, signed.id]);
    expect(
      await w.sql<{ event_id: string; attempts: number; parked: boolean; delivered: boolean }>(
        `SELECT event_id, attempts, parked_at IS NOT NULL AS parked, delivered_at IS NOT NULL AS delivered FROM intake.hotline_feedback WHERE case_id = $1 ORDER BY seq`,
        [caseId],
      ),
    ).toEqual([
      { event_id: signed.id, attempts: 3, parked: true, delivered: false },
      { event_id: replied.id, attempts: 0, parked: false, delivered: false },
    ]);

    const ops = (method: string, path: string, body?: unknown, token = opsToken) =>
      fetch(`${w.url}${path}`, {
        method,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    const listed = await ops('GET', '/ops/hotline/feedback?status=parked');
    expect(listed.status).toBe(200);
    const parked = ((await listed.json()) as Array<Record<string, unknown>>).filter((f) => f['caseId'] === caseId);
    expect(parked).toEqual([
      {
        feedbackId: signed.id,
        caseId,
        orderNo: 'GD20261201-0044',
        caseNumber: res.body['caseNumber'],
        kind: 'signed',
        kindLabel: '签收',
        attempts: 3,
        lastError: 'HTTP 503',
        createdAt: expect.any(String),
        parkedAt: expect.any(String),
        waitingBehind: 1,
      },
    ]);
    expect((await ops('GET', '/ops/hotline/feedback')).status).toBe(400);
    expect((await ops('GET', '/ops/hotline/feedback?status=parked', undefined, await w.token('countyBureau'))).status).toBe(403);
    expect((await ops('POST', `/ops/hotline/feedback/${signed.id}/replay`, {})).status).toBe(400);

    receiver.refusing.delete('GD20261201-0044');
    const replay = await ops('POST', `/ops/hotline/feedback/${signed.id}/replay`, { reason: '热线平台回调接口已修复' });
    expect(replay.status).toBe(200);
    expect(await replay.json()).toEqual({ feedbackId: signed.id, replayId: expect.any(String), replayedAt: expect.any(String) });
    const again = await ops('POST', `/ops/hotline/feedback/${signed.id}/replay`, { reason: '热线平台回调接口已修复' });
    expect(again.status).toBe(404);
    expect(await again.json()).toMatchObject({ code: 'HOTLINE_FEEDBACK_NOT_PARKED' });

    await eventually(
      async () => ((await w.count('hotline_feedback', 'case_id = $1 AND delivered_at IS NOT NULL', [caseId])) === 2 ? true : undefined),
      60000,
      'both feedbacks delivered after the replay',
    );
    // After the replay: the 签收 once, then the result that waited behind it, once.
    expect(ofThisOrder().map((r) => r.headers['x-sunshine-delivery'])).toEqual([signed.id, signed.id, signed.id, signed.id, replied.id]);
    expect(
      await w.sql<{ reason: string; replayed_by: string; attempts_before: number; last_error: string }>(
        `SELECT reason, replayed_by, attempts_before, last_error FROM intake.hotline_feedback_replays WHERE event_id = $1`,
        [signed.id],
      ),
    ).toEqual([{ reason: '热线平台回调接口已修复', replayed_by: 'ops-1', attempts_before: 3, last_error: 'HTTP 503' }]);
    expect(receiver.openTransactions.every((n) => n === 0)).toBe(true);
  }, 120_000);

  it('records the 回访 satisfaction as the case’s callback rating by the one rating rule, once per visit id', async () => {
    const res = await send(
      order({
        orderNo: 'GD20261201-0046',
        classCode: '0101',
        className: '劳动和社会保障',
        title: '社保卡补办',
        content: '来电人反映社保卡补办两个月未办结，请求尽快办理。',
      }),
    );
    expect(res.status).toBe(201);
    const [row] = await w.sql<{ case_id: string }>(`SELECT case_id FROM intake.hotline_orders WHERE order_no = $1`, ['GD20261201-0046']);
    const caseId = row?.case_id ?? '';
    // 劳动和社会保障 is no name of the category table: the bundled class mapping table (version 1) files it under labour.
    const [registered] = await w.waitFor(caseId, 'petition.registered');
    expect(registered?.payload.category).toBe('labour');
    const visit = async (orderNo: string, body: unknown, key: string | null = apiKey) => {
      const r = await fetch(`${w.url}/interop/12345/orders/${orderNo}/visits`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(key === null ? {} : { 'x-api-key': key }) },
        body: JSON.stringify(body),
      });
      return { status: r.status, body: (await r.json()) as Record<string, unknown> };
    };
    const calledAt = new Date().toISOString();

    // Before the reply reached the citizen: the rating rule's 409, nothing recorded and the visit id still free.
    const early = await visit('GD20261201-0046', { visitId: 'HF-0046-1', score: 'satisfied', calledAt });
    expect([early.status, early.body['code']]).toEqual([409, 'REPLY_NOT_SERVED']);
    const unknown = await visit('GD20269999-0001', { visitId: 'HF-0046-1', score: 'satisfied', calledAt });
    expect([unknown.status, unknown.body['code']]).toEqual([404, 'HOTLINE_ORDER_UNKNOWN']);
    expect((await visit('GD20261201-0046', { visitId: 'HF-0046-1', score: 'satisfied', calledAt }, null)).status).toBe(401);
    const badScore = await visit('GD20261201-0046', { visitId: 'HF-0046-1', score: '满意', calledAt });
    expect([badScore.status, badScore.body['code']]).toEqual([400, 'VALIDATION_FAILED']);

    await w.produce(caseId, 'case.dispatched', {
      stage: 'original',
      fromUnitId: UNITS.countyBureau,
      toUnitId: UNITS.hrss,
      mode: 'assign',
      rule: { id: 'territory-competence-level', version: 1 },
      reasons: ['属地'],
      hop: 1,
    });
    await w.produce(caseId, 'case.signed', { unitId: UNITS.hrss });
    await w.produce(caseId, 'case.accepted', { unitId: UNITS.hrss, claimRoute: 'petition' });
    await w.produce(caseId, 'case.replied', {
      unitId: UNITS.hrss,
      stage: 'original',
      outcome: 'supported',
      replyDocumentRef: 'routing:reply:6',
      approvedBy: 'hrss-head',
    });
    const served = await w.produce(caseId, 'case.reply-served', {
      unitId: UNITS.hrss,
      servedAt: new Date(Date.parse(calledAt) - 60_000).toISOString(),
      method: 'in-person',
    });
    await eventually(
      async () => {
        const [r] = await w.sql<{ state: { lastEventId: string } }>(`SELECT state FROM intake.case_replica WHERE case_id = $1`, [caseId]);
        return r?.state.lastEventId === served.id ? true : undefined;
      },
      30000,
      'the reply served in intake’s case replica',
    );

    const rated = await visit('GD20261201-0046', { visitId: 'HF-0046-1', score: 'dissatisfied', calledAt });
    expect(rated).toEqual({
      status: 201,
      body: {
        orderNo: 'GD20261201-0046',
        visitId: 'HF-0046-1',
        caseNumber: res.body['caseNumber'],
        stage: 'original',
        subject: 'handling-unit',
        unitId: UNITS.hrss,
        score: 'dissatisfied',
        calledAt,
      },
    });
    const [event] = await w.waitFor(caseId, 'petition.rated');
    expect(event?.payload).toEqual({
      stage: 'original',
      subject: 'handling-unit',
      unitId: UNITS.hrss,
      score: 'dissatisfied',
      enteredBy: 'staff-callback',
    });
    expect(event?.actor).toEqual({ kind: 'system', id: `hotline:${systemId}` });
    expect(
      await w.sql<{ entered_by: string; staff_subject: string; caller_unit_id: string | null; called_at: Date }>(
        `SELECT entered_by, staff_subject, caller_unit_id, called_at FROM intake.ratings WHERE case_id = $1`,
        [caseId],
      ),
    ).toEqual([
      { entered_by: 'staff-callback', staff_subject: `hotline:${systemId}`, caller_unit_id: null, called_at: new Date(calledAt) },
    ]);

    // The hotline retries: the same answer, one rating. The same visit id with another score: 409; another visit of
    // the same stage: the rating rule's once-per-stage; a call before the reply was served: 422.
    expect(await visit('GD20261201-0046', { visitId: 'HF-0046-1', score: 'dissatisfied', calledAt })).toEqual(rated);
    const conflict = await visit('GD20261201-0046', { visitId: 'HF-0046-1', score: 'satisfied', calledAt });
    expect([conflict.status, conflict.body['code']]).toEqual([409, 'HOTLINE_VISIT_CONFLICT']);
    const second = await visit('GD20261201-0046', { visitId: 'HF-0046-2', score: 'satisfied', calledAt });
    expect([second.status, second.body['code']]).toEqual([409, 'ALREADY_RATED']);
    const before = await visit('GD20261201-0046', { visitId: 'HF-0046-3', score: 'satisfied', calledAt: '2026-01-05T02:00:00Z' });
    expect([before.status, before.body['code']]).toEqual([422, 'CALLED_AT_OUT_OF_RANGE']);
    expect(await w.count('ratings', 'case_id = $1', [caseId])).toBe(1);
    expect(await w.count('outbox', "message_key = $1 AND type = 'petition.rated'", [caseId])).toBe(1);
  }, 120_000);

  it('sends a feedback again after the lease of a process killed mid-POST expires, and delivers it', async () => {
    const res = await send(
      order({ orderNo: 'GD20261201-0045', title: '道路积水', content: '来电人反映村口道路积水严重，请求尽快疏通排水。' }),
    );
    expect(res.status).toBe(201);
    const [row] = await w.sql<{ case_id: string }>(`SELECT case_id FROM intake.hotline_orders WHERE order_no = $1`, ['GD20261201-0045']);
    const caseId = row?.case_id ?? '';
    await w.waitFor(caseId, 'petition.registered');
    receiver.holding.add('GD20261201-0045');
    const ofThisOrder = () => receiver.received.filter((r) => (JSON.parse(r.body) as { orderNo: string }).orderNo === 'GD20261201-0045');
    await w.produce(caseId, 'case.dispatched', {
      stage: 'original',
      fromUnitId: UNITS.countyBureau,
      toUnitId: UNITS.hrss,
      mode: 'assign',
      rule: { id: 'territory-competence-level', version: 1 },
      reasons: ['属地'],
      hop: 1,
    });
    const signed = await w.produce(caseId, 'case.signed', { unitId: UNITS.hrss });
    await eventually(async () => (ofThisOrder().length === 1 ? true : undefined), 60000, 'the 签收 posted and held');

    // intake dies while its POST waits for the answer: the claim was committed, nothing else.
    await w.h.kill('intake');
    expect(
      await w.sql<{ attempts: number; delivered: boolean; parked: boolean }>(
        `SELECT attempts, delivered_at IS NOT NULL AS delivered, parked_at IS NOT NULL AS parked FROM intake.hotline_feedback WHERE case_id = $1`,
        [caseId],
      ),
    ).toEqual([{ attempts: 1, delivered: false, parked: false }]);
    receiver.holding.delete('GD20261201-0045');
    await w.h.start('intake');

    await eventually(
      async () => ((await w.count('hotline_feedback', 'case_id = $1 AND delivered_at IS NOT NULL', [caseId])) === 1 ? true : undefined),
      90000,
      'the 签收 delivered by the restarted intake after the lease',
    );
    expect(ofThisOrder().map((r) => r.headers['x-sunshine-delivery'])).toEqual([signed.id, signed.id]);
    expect(await w.sql<{ attempts: number }>(`SELECT attempts FROM intake.hotline_feedback WHERE case_id = $1`, [caseId])).toEqual([
      { attempts: 2 },
    ]);
  }, 150_000);
});
