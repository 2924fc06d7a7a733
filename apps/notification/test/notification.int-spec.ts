import type { MessageEvent } from '@nestjs/common';
import { type EventOf, type PayloadOf, Topics } from '@sunshine/contracts';
import { DEMO_DONGTUN, eventually } from '@sunshine/testing';
import type { Subscription } from 'rxjs';
import { v7 as uuidv7 } from 'uuid';

import { DailyDigestService } from '../src/digest/daily-digest.service';
import { NoticeStream } from '../src/inbox/notice-stream.service';
import { FakeIntake, RecordingSms } from './support/fakes';
import { NotificationWorld, UNITS } from './support/notification-world';

const PHONE = '13812345678';
const reason = { code: 'test', text: '测试' };

function registered(caseNumber: string, over: Partial<PayloadOf<'petition.registered'>> = {}): PayloadOf<'petition.registered'> {
  return {
    caseNumber,
    channel: 'visit',
    form: { kind: 'individual' },
    type: 'claim',
    category: 'labour',
    placeCode: DEMO_DONGTUN,
    receivingUnitId: UNITS.countyBureau,
    receivedAt: '2026-03-02T01:00:00.000Z',
    registeredAt: '2026-03-02T01:00:00.000Z',
    petitionerRef: uuidv7(),
    flags: { skipLevel: false, confidential: false, lawsuit: false },
    attachmentCount: 0,
    ...over,
  };
}

function dispatched(toUnitId: string): PayloadOf<'case.dispatched'> {
  return {
    stage: 'original',
    fromUnitId: UNITS.countyBureau,
    toUnitId,
    mode: 'forward',
    rule: { id: 'territorial', version: 1 },
    reasons: ['属地'],
    hop: 1,
  };
}

// 2026-03-02 (Mon) 10:00 Shanghai: outside the quiet hours. Dispatched Mon 3/2 → acceptance (15 days) last day Tue 3/17.
describe('notification: notices by the rule table, in-app inbox and stream, deliveries', () => {
  const intake = new FakeIntake(PHONE);
  const sms = new RecordingSms();
  beforeAll(() => intake.start());
  const world = NotificationWorld.forSuite('2026-03-02T02:00:00.000Z', () => ({ INTAKE_URL: intake.url, NOTIFICATION_MAX_ATTEMPTS: '3' }), [
    sms,
  ]);
  const streamed = new Map<string, string[]>();
  const subscriptions: Subscription[] = [];
  const claim = uuidv7();
  const accusation = uuidv7();
  let registeredClaim: EventOf<'petition.registered'>;

  beforeAll(async () => {
    const live = world.app?.get(NoticeStream);
    if (!live) throw new Error('notification is not running');
    for (const [unit, roles] of [
      ['hrss', ['clerk']],
      ['countyDiscipline', ['clerk']],
      ['dongtun', ['clerk', 'head', 'handler']],
      ['dongtunOffice', ['clerk', 'head', 'supervisor']],
    ] as const) {
      const seen: string[] = [];
      streamed.set(unit, seen);
      subscriptions.push(
        live.stream({ unitId: UNITS[unit], roles: [...roles] }).subscribe((m: MessageEvent) => {
          if (m.type === 'notice') seen.push(String((m.data as { caseId: string }).caseId));
        }),
      );
    }
    // The commission has a webhook (only its presence matters to planning; this world has no webhook provider); hrss has none.
    await world.sql(
      `INSERT INTO unit_webhooks (unit_id, url_sealed, url_shown, secret_sealed, secret_last4, updated_by, updated_at, created_at)
      VALUES ($1, 'sealed-url', 'https://robot.example/send', 'sealed-secret', 'abcd', 'int-test', now(), now())`,
      [UNITS.countyDiscipline],
    );
    registeredClaim = await world.emit(claim, 'petition.registered', registered('410726-2026-000101'), '2026-03-02T01:00:00.000Z');
    await world.emit(claim, 'case.dispatched', dispatched(UNITS.hrss), '2026-03-02T02:00:00.000Z');
    await world.emit(
      accusation,
      'petition.registered',
      registered('410726-2026-000102', {
        type: 'accusation',
        category: 'other',
        accusedUnitId: UNITS.dongtun,
        flags: { skipLevel: false, confidential: true, lawsuit: false },
      }),
      '2026-03-02T01:00:00.000Z',
    );
    await world.emit(accusation, 'case.dispatched', dispatched(UNITS.countyDiscipline), '2026-03-02T02:00:00.000Z');
    // A rule would tell the ordered unit; the accused township may not see the case, so it is told nothing.
    await world.emit(
      accusation,
      'case.supervision-order-issued',
      { orderId: uuidv7(), unitId: UNITS.dongtun, byUnitId: UNITS.countyDiscipline, trigger: 'delay', reason },
      '2026-03-02T02:30:00.000Z',
    );
  }, 120_000);

  afterAll(async () => {
    for (const s of subscriptions) s.unsubscribe();
    await intake.stop();
  });

  it('gives the receiving unit’s clerks an in-app notice of a dispatched case, with the acceptance period’s last day, on GET /notices and the stream', async () => {
    const token = await world.token('hrss');
    const page = await eventually(
      async () => {
        const res = await world.call<{
          unread: number;
          items: Array<{ caseId: string; kind: string; title: string; body: string; read: boolean }>;
        }>('GET', '/notices', undefined, token);
        return res.body.items?.length ? res.body : undefined;
      },
      30000,
      'the notice',
    );
    expect(page.unread).toBe(1);
    expect(page.items).toEqual([
      expect.objectContaining({
        caseId: claim,
        kind: 'unit.case-arrived',
        title: '新的信访事项：410726-2026-000101',
        body: `${UNITS.countyBureau}转送信访事项410726-2026-000101（原办理）已到达本单位，请及时签收、办理，受理期限至2026-03-17。`,
        read: false,
      }),
    ]);
    await eventually(async () => (streamed.get('hrss')?.includes(claim) ? true : undefined), 10000, 'the stream');
    expect(streamed.get('hrss')).toEqual([claim]);
    // A handler of the same unit is not a recipient of this kind (clerks and the head are).
    expect(
      (await world.call<{ items: unknown[] }>('GET', '/notices', undefined, await world.token('hrss', ['handler'], 'hrss-handler'))).body
        .items,
    ).toEqual([]);
  });

  it('keeps read state per staff member', async () => {
    const clerk = await world.token('hrss');
    const other = await world.token('hrss', ['clerk'], 'hrss-clerk-2');
    const [notice] = (await world.call<{ items: Array<{ id: string }> }>('GET', '/notices', undefined, clerk)).body.items;
    expect((await world.call('POST', `/notices/${notice?.id}/read`, undefined, clerk)).status).toBe(200);
    expect((await world.call('GET', '/notices?unread=true', undefined, clerk)).body).toMatchObject({ unread: 0, items: [] });
    expect((await world.call('GET', '/notices', undefined, other)).body).toMatchObject({ unread: 1 });
    const missing = await world.call('POST', `/notices/${uuidv7()}/read`, undefined, clerk);
    expect([missing.status, missing.body['code']]).toEqual([404, 'NOTICE_NOT_FOUND']);
    const bad = await world.call('GET', '/notices?limit=0', undefined, clerk);
    expect([bad.status, bad.body['code']]).toEqual([400, 'VALIDATION_FAILED']);
  });

  it('tells the discipline commission of the accusation, and the accused township and its office nothing', async () => {
    await eventually(
      async () => (streamed.get('countyDiscipline')?.includes(accusation) ? true : undefined),
      30000,
      'the commission’s notice',
    );
    // Everything planned for the accusation went to the commission or the petitioner: no delivery names the accused side.
    const recipients = await world.sql<{ recipient: string; kind: string; channel: string }>(
      `SELECT recipient, kind, channel FROM deliveries WHERE case_id = $1 ORDER BY kind, recipient, channel`,
      [accusation],
    );
    expect(recipients).toEqual([
      { recipient: `petitioner:${accusation}`, kind: 'petitioner.receipt', channel: 'email' },
      { recipient: `petitioner:${accusation}`, kind: 'petitioner.receipt', channel: 'sms' },
      { recipient: `unit:${UNITS.countyDiscipline}`, kind: 'unit.case-arrived', channel: 'in-app' },
      { recipient: `unit:${UNITS.countyDiscipline}`, kind: 'unit.case-arrived', channel: 'webhook' },
    ]);
    for (const unit of ['dongtun', 'dongtunOffice'] as const) {
      const res = await world.call('GET', '/notices', undefined, await world.token(unit, ['clerk', 'head', 'handler', 'supervisor']));
      expect([unit, res.body]).toEqual([unit, { unread: 0, items: [], next: null }]);
      expect([unit, streamed.get(unit)]).toEqual([unit, []]);
    }
  });

  it('sends the petitioner’s SMS once with the masked number only in notification’s tables, and plans no webhook for a unit without one', async () => {
    await eventually(
      async () => (sms.accepted.some((m) => m.text.includes('410726-2026-000101')) ? true : undefined),
      30000,
      'the receipt SMS',
    );
    const receipt = sms.accepted.find((m) => m.text.includes('410726-2026-000101'));
    expect(receipt).toMatchObject({
      to: PHONE,
      kind: 'petitioner.receipt',
      text: '您的信访事项已登记，编号410726-2026-000101。可凭编号和查询码查询办理进度：https://xf.example.gov.cn/query?caseNumber=410726-2026-000101',
    });
    const rows = await world.sql<{ channel: string; status: string; address_masked: string | null }>(
      `SELECT channel, status, address_masked FROM deliveries WHERE case_id = $1 AND kind = 'petitioner.receipt' ORDER BY channel`,
      [claim],
    );
    expect(rows).toEqual([
      { channel: 'email', status: 'skipped', address_masked: null },
      { channel: 'sms', status: 'delivered', address_masked: '138****5678' },
    ]);
    // hrss has no webhook: nothing planned for it on that channel (no row, so no job), while the in-app notice is there.
    const unitRows = await world.sql<{ channel: string }>(
      `SELECT channel FROM deliveries WHERE case_id = $1 AND recipient = $2 ORDER BY channel`,
      [claim, `unit:${UNITS.hrss}`],
    );
    expect(unitRows).toEqual([{ channel: 'in-app' }]);
    // A legal notice's receipt goes on the case log.
    const receipts = await world.sql<{ value: { payload: { kind: string; channel: string }; correlationId: string } }>(
      `SELECT value FROM outbox WHERE message_key = $1 AND type = 'case.notice-delivered'`,
      [claim],
    );
    expect(receipts.map((r) => [r.value.payload.kind, r.value.payload.channel])).toEqual([['receipt', 'sms']]);
    // The SMS went out from a queued job, later and outside the consumer; it still ran under the registration's
    // correlation id (stored with the delivery, carried by its job), so its logs and this receipt join that trail.
    expect(receipts[0]?.value.correlationId).toBe(registeredClaim.correlationId);
  });

  it('in doubt: a delivery left sending by a crashed attempt asks the provider and is recorded once without a second SMS; one it never took is sent once', async () => {
    const [row] = await world.sql<{ id: string }>(
      `SELECT id FROM deliveries WHERE case_id = $1 AND kind = 'petitioner.receipt' AND channel = 'sms'`,
      [claim],
    );
    const id = row?.id ?? '';
    const crashed = `UPDATE deliveries SET status = 'sending', provider_id = NULL, delivered_at = NULL, updated_at = '2000-01-01T00:00:00Z' WHERE id = $1`;
    // The provider took it, then the process died before the row said so: the sweep finds it stale, the attempt asks.
    const [sends, queries] = [sms.attempts, sms.queries];
    await world.sql(crashed, [id]);
    const taken = await eventually(
      async () => {
        const [r] = await world.sql<{ status: string; provider_id: string | null }>(
          `SELECT status, provider_id FROM deliveries WHERE id = $1`,
          [id],
        );
        return r?.status === 'delivered' ? r : undefined;
      },
      30000,
      'the in-doubt delivery recorded',
    );
    expect(taken.provider_id).toBe(`OutId:${id}`);
    expect([sms.attempts - sends, sms.queries - queries]).toEqual([0, 1]);
    // The provider never took it (the crash came before the request went out): sent, once.
    sms.accepted.splice(
      sms.accepted.findIndex((m) => m.deliveryId === id),
      1,
    );
    await world.sql(crashed, [id]);
    const sent = await eventually(
      async () => {
        const [r] = await world.sql<{ status: string; provider_id: string | null }>(
          `SELECT status, provider_id FROM deliveries WHERE id = $1`,
          [id],
        );
        return r?.status === 'delivered' ? r : undefined;
      },
      30000,
      'the never-sent delivery sent',
    );
    expect(sent.provider_id).toBe(`biz-${id}`);
    expect([sms.attempts - sends, sms.queries - queries, sms.accepted.filter((m) => m.deliveryId === id).length]).toEqual([1, 2, 1]);
  });

  it('lists a delivery in doubt (sending) for ops, with since when and the masked address only', async () => {
    const [row] = await world.sql<{ id: string }>(
      `SELECT id FROM deliveries WHERE case_id = $1 AND kind = 'petitioner.receipt' AND channel = 'sms'`,
      [claim],
    );
    const id = row?.id ?? '';
    // Not stale for the sweep (changed "in the future"): it stays in doubt while ops look.
    await world.sql(`UPDATE deliveries SET status = 'sending', updated_at = '2099-01-01T00:00:00Z' WHERE id = $1`, [id]);
    try {
      const ops = await world.token('cityBureau', ['ops'], 'city-ops');
      const listed = await world.call<Array<{ id: string; status: string; updatedAt: string; addressMasked: string }>>(
        'GET',
        '/ops/deliveries?status=sending&channel=sms',
        undefined,
        ops,
      );
      expect([listed.status, listed.body.map((d) => [d.id, d.status, d.updatedAt, d.addressMasked])]).toEqual([
        200,
        [[id, 'sending', '2099-01-01T00:00:00.000Z', '138****5678']],
      ]);
      const unknown = await world.call<{ code: string }>('GET', '/ops/deliveries?status=lost', undefined, ops);
      expect([unknown.status, unknown.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    } finally {
      await world.sql(`UPDATE deliveries SET status = 'delivered', updated_at = now() WHERE id = $1`, [id]);
    }
  });

  it('retries a throttled gateway with backoff, then keeps a dead delivery that ops replay once', async () => {
    sms.failures = 3;
    const before = sms.accepted.length;
    await world.emit(claim, 'case.accepted', { unitId: UNITS.hrss, claimRoute: 'petition' }, '2026-03-03T02:00:00.000Z');
    const dead = await eventually(
      async () => {
        const [row] = await world.sql<{ id: string; status: string; attempts: number }>(
          `SELECT id, status, attempts FROM deliveries WHERE case_id = $1 AND kind = 'petitioner.accepted' AND channel = 'sms'`,
          [claim],
        );
        return row?.status === 'dead' ? row : undefined;
      },
      30000,
      'the dead delivery',
    );
    expect(dead.attempts).toBe(3);
    expect(sms.accepted.length).toBe(before);
    const failed = await world.sql<{ value: { payload: { final: boolean; attempt: number } } }>(
      `SELECT value FROM outbox WHERE message_key = $1 AND type = 'case.notice-failed' ORDER BY seq`,
      [claim],
    );
    expect(failed.map((r) => [r.value.payload.attempt, r.value.payload.final])).toEqual([
      [1, false],
      [2, false],
      [3, true],
    ]);

    const ops = await world.token('cityBureau', ['ops'], 'city-ops');
    const listed = await world.call<Array<{ id: string; addressMasked: string }>>('GET', '/ops/deliveries?status=dead', undefined, ops);
    expect(listed.body.map((d) => d.id)).toEqual([dead.id]);
    expect(
      (await world.call('GET', '/ops/deliveries', undefined, await world.token('countyBureau', ['ops'], 'county-ops'))).body,
    ).toMatchObject({ code: 'CITY_LEVEL_REQUIRED' });
    const noReason = await world.call('POST', `/ops/deliveries/${dead.id}/replay`, {}, ops);
    expect(noReason.status).toBe(400);
    expect((await world.call('POST', `/ops/deliveries/${dead.id}/replay`, { reason: '网关恢复后重发' }, ops)).status).toBe(200);
    await eventually(
      async () => ((await world.count('deliveries', `id = $1 AND status = 'delivered'`, [dead.id])) === 1 ? true : undefined),
      30000,
      'the replayed delivery',
    );
    expect(sms.accepted.filter((m) => m.deliveryId === dead.id).map((m) => m.text)).toEqual([
      '您的信访事项410726-2026-000101已由' + UNITS.hrss + '受理，办理期限至2026-05-06。',
    ]);
    const again = await world.call('POST', `/ops/deliveries/${dead.id}/replay`, { reason: '再来一次' }, ops);
    expect([again.status, again.body['code']]).toEqual([409, 'DELIVERY_NOT_DEAD']);
  });

  it('keeps no phone number in clear in any of notification’s tables', async () => {
    const tables = await world.sql<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()`,
    );
    for (const { table_name } of tables) {
      const [hit] = await world.sql<{ n: string }>(`SELECT count(*) AS n FROM "${table_name}" t WHERE t::text LIKE $1`, [`%${PHONE}%`]);
      expect([table_name, Number(hit?.n)]).toEqual([table_name, 0]);
    }
  });

  it('tells the ordered unit of a 催办 (case.supervision-order-reminded), with the note and the answer’s last day', async () => {
    const orderId = uuidv7();
    await world.emit(
      accusation,
      'case.supervision-order-issued',
      {
        orderId,
        unitId: UNITS.countyDiscipline,
        byUnitId: UNITS.cityBureau,
        trigger: 'delay',
        answerDueAt: '2026-03-10T16:00:00.000Z',
        reason,
      },
      '2026-03-03T02:00:00.000Z',
    );
    const reminded = await world.emit(
      accusation,
      'case.supervision-order-reminded',
      { orderId, unitId: UNITS.countyDiscipline, byUnitId: UNITS.cityBureau, reminderId: uuidv7(), note: '请抓紧办理' },
      '2026-03-05T02:00:00.000Z',
    );
    const rows = await world.sql<{ recipient: string; channel: string; roles: string[]; urgent: boolean }>(
      `SELECT recipient, channel, roles, urgent FROM deliveries WHERE event_id = $1 ORDER BY channel`,
      [reminded.id],
    );
    expect(rows).toEqual([
      { recipient: `unit:${UNITS.countyDiscipline}`, channel: 'in-app', roles: ['clerk', 'head'], urgent: true },
      { recipient: `unit:${UNITS.countyDiscipline}`, channel: 'webhook', roles: ['clerk', 'head'], urgent: true },
    ]);
    const items = await eventually(
      async () => {
        const res = await world.call<{ items: Array<{ caseId: string; title: string; body: string }> }>(
          'GET',
          '/notices?kind=unit.supervision-reminder',
          undefined,
          await world.token('countyDiscipline', ['clerk'], 'discipline-clerk'),
        );
        return res.body.items.length > 0 ? res.body.items : undefined;
      },
      30000,
      'the 催办 notice',
    );
    expect(items.map((i) => [i.caseId, i.title, i.body])).toEqual([
      [
        accusation,
        '催办：410726-2026-000102',
        `${UNITS.cityBureau}就信访事项410726-2026-000102的督办单向本单位催办：请抓紧办理。请于2026-03-10前书面回复。`,
      ],
    ]);
  });

  it('gives each unit’s head one daily digest a day of its overdue and due-soon cases', async () => {
    // Tue 2026-05-05 08:00 Shanghai: the claim's handling period (accepted Tue 3/3, 60 days) ends Wed 5/6 (after the
    // May Day holiday), within 3 days; the accusation's acceptance period at the commission ended Tue 3/17.
    world.clock.set('2026-05-05T00:00:00.000Z');
    const digest = world.app?.get(DailyDigestService);
    expect(await digest?.run()).toBe(2);
    expect(await digest?.run()).toBe(2);
    expect(await world.count('deliveries', `kind = 'unit.daily-digest'`)).toBe(2);
    const bodyOf = async (unit: 'hrss' | 'countyDiscipline') =>
      eventually(
        async () => {
          const res = await world.call<{ items: Array<{ body: string }> }>(
            'GET',
            '/notices?kind=unit.daily-digest',
            undefined,
            await world.token(unit, ['head'], `${unit}-head`),
          );
          return res.body.items?.[0]?.body;
        },
        30000,
        `${unit}'s digest`,
      );
    expect(await bodyOf('hrss')).toBe('本单位今日超期信访事项0件，3日内到期1件。事项：410726-2026-000101。');
    expect(await bodyOf('countyDiscipline')).toBe('本单位今日超期信访事项1件，3日内到期0件。事项：410726-2026-000102。');
  });

  it('lets an admin of a city-level unit store a jurisdiction’s rule table, which then decides its cases’ notices', async () => {
    const table = {
      reason: '东屯镇试点：只通知负责人',
      rules: [
        {
          kind: 'unit.case-arrived',
          event: 'case.dispatched',
          recipient: { kind: 'unit', unit: { from: 'payload', field: 'toUnitId' }, roles: ['head'] },
          channels: ['in-app'],
        },
      ],
    };
    const county = await world.call(
      'PUT',
      `/notice-rules/${DEMO_DONGTUN}`,
      table,
      await world.token('countyBureau', ['admin'], 'county-admin'),
    );
    expect([county.status, county.body['code']]).toEqual([403, 'CITY_LEVEL_REQUIRED']);
    const admin = await world.token('cityBureau', ['admin'], 'city-admin');
    const unknown = await world.call(
      'PUT',
      `/notice-rules/${DEMO_DONGTUN}`,
      { ...table, rules: [{ ...table.rules[0], kind: 'unit.no-such-kind' }] },
      admin,
    );
    expect([unknown.status, unknown.body['code']]).toEqual([422, 'NOTICE_KIND_UNKNOWN']);
    const stored = await world.call('PUT', `/notice-rules/${DEMO_DONGTUN}`, table, admin);
    expect([stored.status, stored.body['version'], stored.body['divisionCode']]).toEqual([200, 2, DEMO_DONGTUN]);
    const listed = await world.call<{ stored: Array<{ divisionCode: string; version: number; createdBy: string; reason: string }> }>(
      'GET',
      '/notice-rules',
      undefined,
      admin,
    );
    expect(listed.body.stored.map((v) => [v.divisionCode, v.version, v.createdBy, v.reason])).toEqual([
      [DEMO_DONGTUN, 2, 'city-admin', '东屯镇试点：只通知负责人'],
    ]);
    await new Promise((r) => setTimeout(r, 2100)); // the stored tables are re-read every 2 s
    const pilot = uuidv7();
    await world.emit(pilot, 'petition.registered', registered('410726-2026-000103'), '2026-05-05T01:00:00.000Z');
    await world.emit(pilot, 'case.dispatched', dispatched(UNITS.hrss), '2026-05-05T02:00:00.000Z');
    const rows = await world.sql<{ recipient: string; channel: string; roles: string[]; rule_version: number }>(
      `SELECT recipient, channel, roles, rule_version FROM deliveries WHERE case_id = $1`,
      [pilot],
    );
    expect(rows).toEqual([{ recipient: `unit:${UNITS.hrss}`, channel: 'in-app', roles: ['head'], rule_version: 2 }]);
  });

  it('tells the head of a flagged staff member’s unit (evaluation.staff-flagged), and not a unit that may not see every case', async () => {
    const pilot =
      (await world.sql<{ case_id: string }>(`SELECT case_id FROM case_replica WHERE case_number = '410726-2026-000103'`))[0]?.case_id ?? '';
    const quarter = { kind: 'quarter' as const, label: '2026-Q2', from: '2026-04-01', to: '2026-06-30' };
    const flag = (unitId: string, caseIds: string[]) =>
      world.publish(
        Topics.evaluation,
        'evaluation.staff-flagged',
        { flagId: uuidv7(), staffId: `${unitId}:clerk-7`, unitId, quarter, streak: 2, caseIds },
        unitId,
      );
    const processed = async (eventId: string) =>
      eventually(
        async () => ((await world.count('processed_events', 'event_id = $1', [eventId])) > 0 ? true : undefined),
        30000,
        'the flag processed',
      );
    // The accused township may not see the accusation: told nothing, a staff flag included.
    const accused = await flag(UNITS.dongtun, [claim, accusation]);
    const flagged = await flag(UNITS.hrss, [claim, pilot]);
    await processed(accused.id);
    await processed(flagged.id);
    expect(await world.count('deliveries', 'event_id = $1', [accused.id])).toBe(0);
    const items = await eventually(
      async () => {
        const res = await world.call<{ items: Array<{ caseId: string | null; kind: string; title: string; body: string }> }>(
          'GET',
          '/notices?kind=unit.staff-flagged',
          undefined,
          await world.token('hrss', ['head'], 'hrss-head'),
        );
        return res.body.items.length > 0 ? res.body.items : undefined;
      },
      30000,
      'the head’s notice',
    );
    expect(items).toEqual([
      expect.objectContaining({
        caseId: null,
        kind: 'unit.staff-flagged',
        title: '满意度评议提示',
        body: `本单位工作人员${UNITS.hrss}:clerk-7在2026-04-01至2026-06-30经办的信访事项连续2件被评为不满意，请关注并督促改进。`,
      }),
    ]);
    const clerk = await world.call<{ items: unknown[] }>(
      'GET',
      '/notices?kind=unit.staff-flagged',
      undefined,
      await world.token('hrss', ['clerk'], 'hrss-clerk-2'),
    );
    expect(clerk.body.items).toEqual([]);
  });
});
