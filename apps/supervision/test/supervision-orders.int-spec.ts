import { eventually } from '@sunshine/testing';

import { CaseScript } from './support/case-events';
import { UNITS } from './support/directory';
import { O, W } from './support/notices';
import { SupervisionWorld, type UnitKey } from './support/supervision-world';

interface Order {
  orderId: string;
  unitId: string;
  byUnitId: string;
  supervisingUnitId: string;
  trigger: string;
  answerDueAt: string;
  answerDueProvisional: boolean;
  status: string;
  escalationStep: number;
  reminders: number;
}

// Dates as in supervision-clocks: 劳动节 2026 is 5/1–5/5 off (5/9, a Saturday, worked).
describe('supervision orders, the escalation policy and the 交办 completion report', () => {
  const world = SupervisionWorld.forSuite('2026-04-29T00:00:00.000Z');

  /** A case 人社局 accepted: registered, dispatched to it and accepted at these instants. */
  const acceptedCase = (registered: string, dispatched: string, accepted: string): Promise<CaseScript> =>
    new CaseScript(world).throughAcceptance(registered, dispatched, accepted);
  const issue = async (c: CaseScript, body: Record<string, unknown>, unit: UnitKey = 'countyBureau') =>
    world.call<Order>('POST', `/cases/${c.caseId}/supervision-orders`, body, await world.token(unit));

  it('issues an order by hand, warns and goes overdue on its answer date, escalates it to the city after 7 days, once', async () => {
    const c = await acceptedCase('2026-04-29T02:00:00.000Z', '2026-04-29T03:00:00.000Z', '2026-04-29T04:00:00.000Z');
    const bureau = await world.token('countyBureau');
    expect((await issue(c, { trigger: 'delay', reason: { code: 'x' } }, 'hrss')).status).toBe(403);

    await world.at('2026-04-30T02:00:00.000Z');
    // Issued Thu 4/30 with 5 days → Tue 5/5, a holiday → Wed 5/6.
    const issued = await issue(c, { trigger: 'delay', answerDays: 5, reason: { code: 'slow-handling', text: '办理进度缓慢' } });
    expect(issued.status).toBe(201);
    const due = '2026-05-06T16:00:00.000Z';
    expect(issued.body).toMatchObject({
      unitId: UNITS.hrss,
      byUnitId: UNITS.countyBureau,
      answerDueAt: due,
      answerDueProvisional: false,
      status: 'open',
      escalationStep: 0,
    });
    const orderId = issued.body.orderId;
    await eventually(
      async () => ((await world.clocks(c.caseId)).some((k) => k.kind === 'supervision-order-answer') ? true : undefined),
      30000,
      'the answer clock',
    );

    const reminded = await world.call<Order>('POST', `/supervision-orders/${orderId}/reminders`, { note: '请抓紧办理' }, bureau);
    expect(reminded.body).toMatchObject({ reminders: 1 });
    expect((await world.call('POST', `/supervision-orders/${orderId}/reminders`, {}, await world.token('hrss'))).status).toBe(404);
    // 催办 on the case log, for notification to tell the ordered unit; the reminder's id is the one on the order.
    const [reminder] = await world.sql<{ id: string }>(`SELECT id FROM order_reminders WHERE order_id = $1`, [orderId]);
    expect((await world.written(c.caseId, 'case.supervision-order-reminded')).map((e) => e.payload)).toEqual([
      { orderId, unitId: UNITS.hrss, byUnitId: UNITS.countyBureau, reminderId: reminder?.id, note: '请抓紧办理' },
    ]);

    await world.at('2026-05-03T16:00:00.000Z');
    expect(await c.notices('supervision-order-answer')).toEqual([`${W} supervision-order-answer ${due}`]);
    await world.at('2026-05-05T16:00:00.000Z');
    await world.at('2026-05-06T15:59:59.999Z');
    expect(await c.notices('supervision-order-answer')).toHaveLength(2);
    await world.at(due);
    expect(await c.notices('supervision-order-answer')).toEqual([
      `${W} supervision-order-answer ${due}`,
      `${W} supervision-order-answer ${due}`,
      `${O} supervision-order-answer ${due}`,
    ]);
    const received = await world.call<Order[]>('GET', '/supervision-orders?direction=received', undefined, await world.token('hrss'));
    expect(received.body.find((o) => o.orderId === orderId)).toMatchObject({ status: 'overdue' });

    // Unanswered 7 days after it went out (Thu 5/7 10:00 Shanghai): up to the city's bureau.
    await world.at('2026-05-07T01:59:59.999Z');
    expect(await world.written(c.caseId, 'case.escalated')).toEqual([]);
    await world.at('2026-05-07T02:00:00.000Z');
    const [escalated] = await world.written(c.caseId, 'case.escalated');
    expect(escalated?.payload).toEqual({
      unitId: UNITS.hrss,
      fromUnitId: UNITS.countyBureau,
      toUnitId: UNITS.cityBureau,
      policyStep: 1,
      reason: { code: 'order-unanswered', text: '督办单逾期未回复，提级督办（第1级）' },
    });
    // The city's bureau has no bureau above it in this directory: the escalation stops there.
    await world.at('2026-05-20T00:00:00.000Z');
    expect(await world.written(c.caseId, 'case.escalated')).toHaveLength(1);
    const followed = await world.call<Order[]>('GET', '/supervision-orders?direction=issued', undefined, await world.token('cityBureau'));
    expect(followed.body.find((o) => o.orderId === orderId)).toMatchObject({ supervisingUnitId: UNITS.cityBureau, escalationStep: 1 });
    const escalations = await world.call<Array<{ caseId: string; policyStep: number }>>(
      'GET',
      `/escalations?caseId=${c.caseId}`,
      undefined,
      await world.token('cityBureau'),
    );
    expect(escalations.body).toEqual([expect.objectContaining({ caseId: c.caseId, policyStep: 1 })]);
  });

  it('stops the answer clock when the unit answers in writing, and never escalates an answered order', async () => {
    await world.at('2026-05-20T00:00:00.000Z');
    const c = await acceptedCase('2026-05-19T02:00:00.000Z', '2026-05-19T03:00:00.000Z', '2026-05-19T04:00:00.000Z');
    const issued = await issue(c, { trigger: 'perfunctory', answerDays: 3, reason: { code: 'callback' } });
    expect(issued.status).toBe(201);
    await eventually(
      async () => ((await world.clocks(c.caseId)).some((k) => k.kind === 'supervision-order-answer') ? true : undefined),
      30000,
      'the answer clock',
    );
    const answered = await world.call<Order>(
      'POST',
      `/supervision-orders/${issued.body.orderId}/answer`,
      { summary: '已约谈当事人并限期整改' },
      await world.token('hrss'),
    );
    expect(answered.status).toBe(201);
    expect(answered.body).toMatchObject({ status: 'answered' });
    expect(
      (await world.call('POST', `/supervision-orders/${issued.body.orderId}/answer`, { summary: '再次回复' }, await world.token('hrss')))
        .status,
    ).toBe(409);
    await eventually(
      async () =>
        (await world.clocks(c.caseId)).find((k) => k.kind === 'supervision-order-answer')?.status === 'satisfied' ? true : undefined,
      30000,
      'the answer clock to stop',
    );
    await world.at('2026-06-05T00:00:00.000Z');
    expect(await c.notices('supervision-order-answer')).toEqual([]);
    expect(await world.written(c.caseId, 'case.escalated')).toEqual([]);
    expect((await world.written(c.caseId, 'case.supervision-order-answered'))[0]?.payload).toMatchObject({
      orderId: issued.body.orderId,
      unitId: UNITS.hrss,
    });
  });

  it('issues orders by policy: for an overdue acceptance (拖延) and a case objected twice (推诿); a 不满意 rating as its jurisdiction says', async () => {
    const late = new CaseScript(world);
    const passed = new CaseScript(world);
    await world.at('2026-06-05T00:00:00.000Z');
    // Dispatched Mon 6/1 → 15 days → Tue 6/16.
    for (const c of [late, passed]) {
      await c.registered('2026-06-01T01:00:00.000Z');
      await c.dispatched('2026-06-01T02:00:00.000Z');
    }
    await passed.objectionRaised('2026-06-02T02:00:00.000Z');
    await passed.objectionApproved('2026-06-02T03:00:00.000Z');
    await passed.dispatched('2026-06-02T04:00:00.000Z', UNITS.hrss, { hop: 2 });
    expect(await world.written(passed.caseId, 'case.supervision-order-issued')).toEqual([]);
    await passed.objectionRaised('2026-06-03T02:00:00.000Z');
    const [buckPassing] = await world.written(passed.caseId, 'case.supervision-order-issued');
    expect(buckPassing?.payload).toMatchObject({ unitId: UNITS.hrss, byUnitId: UNITS.countyBureau, trigger: 'buck-passing' });

    // 不满意 is no finding of perfunctory handling (敷衍): by default the supervising bureau is asked to review it, no order.
    const rated = new CaseScript(world);
    await rated.registered('2026-06-01T01:00:00.000Z');
    await rated.dispatched('2026-06-01T02:00:00.000Z');
    await rated.rated('2026-06-04T02:00:00.000Z', 'dissatisfied');
    const county = await world.token('countyBureau');
    const reviews = await eventually(
      async () => {
        const listed = (await world.call<Array<{ caseId: string }>>('GET', '/dissatisfaction-reviews', undefined, county)).body;
        return listed.some((r) => r.caseId === rated.caseId) ? listed : undefined;
      },
      30000,
      'the rating flagged for review',
    );
    expect(reviews.find((r) => r.caseId === rated.caseId)).toMatchObject({
      stage: 'original',
      unitId: UNITS.hrss,
      bureauUnitId: UNITS.countyBureau,
      status: 'pending',
    });
    expect(await world.written(rated.caseId, 'case.supervision-order-issued')).toEqual([]);
    // A jurisdiction that decided otherwise (policy as data, city-level admin): an order under the label it chose.
    const cityAdmin = await world.token('cityBureau', ['admin']);
    expect(
      (await world.call('PUT', '/dissatisfaction-policies/yanjin', { jurisdiction: '410726000000', response: 'order' }, cityAdmin)).status,
    ).toBe(400);
    expect(
      (
        await world.call(
          'PUT',
          '/dissatisfaction-policies/yanjin',
          { jurisdiction: '410726000000', response: 'order', trigger: 'other' },
          county,
        )
      ).status,
    ).toBe(403);
    const put = await world.call(
      'PUT',
      '/dissatisfaction-policies/yanjin',
      { jurisdiction: '410726000000', response: 'order', trigger: 'other' },
      cityAdmin,
    );
    expect(put.body).toMatchObject({ id: 'yanjin', jurisdiction: '410726000000', response: 'order', trigger: 'other', revision: 1 });
    const ordered = new CaseScript(world);
    await ordered.registered('2026-06-01T01:00:00.000Z');
    await ordered.dispatched('2026-06-01T02:00:00.000Z');
    await ordered.rated('2026-06-04T02:00:00.000Z', 'dissatisfied');
    const [byPolicy] = await world.written(ordered.caseId, 'case.supervision-order-issued');
    expect(byPolicy?.payload).toMatchObject({ unitId: UNITS.hrss, byUnitId: UNITS.countyBureau, trigger: 'other' });

    await world.at('2026-06-16T16:00:00.000Z');
    expect(await late.notices('acceptance')).toContain(`${O} acceptance 2026-06-16T16:00:00.000Z`);
    const order = await eventually(
      async () => (await world.written(late.caseId, 'case.supervision-order-issued'))[0],
      30000,
      'the policy’s order',
    );
    expect(order.payload).toMatchObject({ unitId: UNITS.hrss, byUnitId: UNITS.countyBureau, trigger: 'overdue' });
    const overdue = (await world.written(late.caseId, 'case.overdue')).find((e) => e.payload.clock === 'acceptance');
    expect(order.causationId).toBe(overdue?.id);
  });

  it('runs the 交办 completion-report clock to the date the bureau set, and records a late report as satisfied late', async () => {
    const c = new CaseScript(world);
    await world.at('2026-07-01T00:00:00.000Z');
    await c.registered('2026-07-01T01:00:00.000Z');
    const due = '2026-07-10T16:00:00.000Z';
    await c.dispatched('2026-07-01T02:00:00.000Z', UNITS.hrss, { mode: 'assign', feedbackDueAt: due });
    await world.at('2026-07-07T15:59:59.999Z');
    expect(await c.notices('assignment-feedback')).toEqual([]);
    await world.at('2026-07-07T16:00:00.000Z');
    await world.at('2026-07-09T16:00:00.000Z');
    await world.at(due);
    expect(await c.notices('assignment-feedback')).toEqual([
      `${W} assignment-feedback ${due}`,
      `${W} assignment-feedback ${due}`,
      `${O} assignment-feedback ${due}`,
    ]);
    await c.reportSubmitted('2026-07-11T02:00:00.000Z');
    expect((await world.clocks(c.caseId)).find((k) => k.kind === 'assignment-feedback')).toMatchObject({ status: 'satisfied', late: true });
  });

  it('runs the 交办 completion-report clock on after the case is closed without a report: overdue at its due like any other', async () => {
    const c = new CaseScript(world);
    await world.at('2026-08-03T00:00:00.000Z');
    await c.registered('2026-08-03T01:00:00.000Z');
    const due = '2026-08-14T16:00:00.000Z';
    await c.dispatched('2026-08-03T02:00:00.000Z', UNITS.hrss, { mode: 'assign', feedbackDueAt: due });
    await c.closed('2026-08-05T02:00:00.000Z');
    expect((await world.clocks(c.caseId)).find((k) => k.kind === 'assignment-feedback')).toMatchObject({ status: 'running' });
    await world.at('2026-08-14T15:59:59.999Z');
    expect((await c.notices('assignment-feedback')).filter((n) => n.startsWith(O))).toEqual([]);
    await world.at(due);
    expect((await c.notices('assignment-feedback')).filter((n) => n.startsWith(O))).toEqual([`${O} assignment-feedback ${due}`]);
  });

  it('counts an order’s answer date in a year whose holidays are not published yet as provisional', async () => {
    await world.at('2027-03-09T00:00:00.000Z');
    const c = await acceptedCase('2027-03-08T02:00:00.000Z', '2027-03-08T03:00:00.000Z', '2027-03-08T04:00:00.000Z');
    await world.at('2027-03-09T02:00:00.000Z');
    // Issued Tue 3/9/2027 with 5 days → Sun 3/14 → Mon 3/15; 2027's arrangement is not published: provisional.
    const issued = await issue(c, { trigger: 'delay', answerDays: 5, reason: { code: 'slow-handling' } });
    expect(issued.status).toBe(201);
    expect(issued.body).toMatchObject({ answerDueAt: '2027-03-15T16:00:00.000Z', answerDueProvisional: true });
    const [event] = await world.written(c.caseId, 'case.supervision-order-issued');
    expect(event?.payload).toMatchObject({ answerDueAt: '2027-03-15T16:00:00.000Z' });
  });
});
