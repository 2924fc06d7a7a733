import type { EventOf } from '@sunshine/contracts';
import { eventually, forSuite } from '@sunshine/testing';

import { COUNTY, DONGTUN, IntakeWorld, petition, type Registered, UNITS } from './support/intake-world';

const DAY = 86_400_000;

type Reach = Registered & {
  asGiven?: Record<string, string>;
  checks: Registered['checks'] & { lateReceipt?: { days: number; confirmedBy: string } };
};

// Issue 12, the intake side: 有访必录入 of a place or category nobody listed, a receipt long ago, the category code table.
describe('intake registration: reach', () => {
  const w = forSuite(
    () => IntakeWorld.start(),
    (world) => world.stop(),
  );

  async function register(body: Record<string, unknown>, unit: 'countyBureau' | 'cityBureau' = 'countyBureau'): Promise<Reach> {
    const res = await w.call<Reach>('POST', '/petitions', body, unit);
    if (res.status !== 201) throw new Error(`registration answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body;
  }

  it('registers a place in another province and a category no code names as given, for the dispatch desk', async () => {
    const r = await register(petition({ placeCode: '130102000000', placeText: '河北省石家庄市长安区', category: '宗教事务' }));
    expect(r.asGiven).toEqual({ placeCode: '130102000000', placeText: '河北省石家庄市长安区', category: '宗教事务' });
    const [event] = (await w.waitFor(r.caseId, 'petition.registered')) as Array<EventOf<'petition.registered'>>;
    // The case is held in the receiving bureau's territory (延津县) under 其他 until a person at its desk decides.
    expect(event?.payload).toMatchObject({
      placeCode: COUNTY,
      category: 'other',
      receivingUnitId: UNITS.countyBureau,
      asGiven: { placeCode: '130102000000', placeText: '河北省石家庄市长安区', category: '宗教事务' },
    });
    const [row] = await w.sql<{ as_given: unknown; place_code: string; category: string }>(
      `SELECT as_given, place_code, category FROM intake.petitions WHERE case_id = $1`,
      [r.caseId],
    );
    expect(row).toEqual({
      as_given: { placeCode: '130102000000', placeText: '河北省石家庄市长安区', category: '宗教事务' },
      place_code: COUNTY,
      category: 'other',
    });
    // The desk reads what was given in the dossier's facts.
    const dossier = await w.call<{ facts: Record<string, unknown> }>('GET', `/petitions/${r.caseId}/dossier`, undefined, 'countyBureau');
    expect(dossier.body.facts).toMatchObject({
      placeCode: COUNTY,
      category: 'other',
      asGiven: { placeCode: '130102000000', placeText: '河北省石家庄市长安区', category: '宗教事务' },
    });
  });

  it('registers a place given only in words, and a code of the county with 6 digits as the county itself', async () => {
    const words = await register(petition({ placeCode: undefined, placeText: '外省某县' }));
    const [wordsEvent] = (await w.waitFor(words.caseId, 'petition.registered')) as Array<EventOf<'petition.registered'>>;
    expect(wordsEvent?.payload).toMatchObject({ placeCode: COUNTY, category: 'labour', asGiven: { placeText: '外省某县' } });

    const six = await register(petition({ placeCode: '410726' }));
    expect(six.asGiven).toBeUndefined();
    const [sixEvent] = (await w.waitFor(six.caseId, 'petition.registered')) as Array<EventOf<'petition.registered'>>;
    expect(sixEvent?.payload.placeCode).toBe('410726000000');
    expect(sixEvent?.payload.asGiven).toBeUndefined();

    const known = await register(petition());
    const [knownEvent] = (await w.waitFor(known.caseId, 'petition.registered')) as Array<EventOf<'petition.registered'>>;
    expect(knownEvent?.payload).toMatchObject({ placeCode: DONGTUN, category: 'labour' });
    expect(knownEvent?.payload.asGiven).toBeUndefined();

    const none = await w.call<{ details: { fields: Array<{ field: string }> } }>(
      'POST',
      '/petitions',
      petition({ placeCode: undefined }),
      'countyBureau',
    );
    expect(none.status).toBe(400);
    expect(none.body.details.fields.map((f) => f.field)).toEqual(['placeCode']);
  });

  it('asks the clerk to confirm a receipt more than 365 days ago, and records the confirmation', async () => {
    const before = await w.count('petitions');
    const old = new Date(Date.now() - 400 * DAY - 3600_000).toISOString();
    const refused = await w.call<{ code: string; message: { zh: string }; details: { days: number } }>(
      'POST',
      '/petitions',
      petition({ channel: 'letter', receivedAt: old }),
      'countyBureau',
    );
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('RECEIVED_AT_CONFIRMATION_REQUIRED');
    expect(refused.body.message.zh).toBe('收到时间为400日前（超过365日），请核对；确属该日收到的，请确认后登记（confirmReceivedAt）');
    expect(refused.body.details.days).toBe(400);
    expect(await w.count('petitions')).toBe(before);

    const confirmed = await register(petition({ channel: 'letter', receivedAt: old, confirmReceivedAt: true }));
    expect(confirmed.checks.lateReceipt).toEqual({ days: 400, confirmedBy: 'countyBureau-staff' });
    const [row] = await w.sql<{ checks: { lateReceipt: unknown } }>(`SELECT checks FROM intake.petitions WHERE case_id = $1`, [
      confirmed.caseId,
    ]);
    expect(row?.checks.lateReceipt).toEqual({ days: 400, confirmedBy: 'countyBureau-staff' });

    // 365 days and an hour ago is within the threshold: no confirmation asked.
    const yearAgo = await register(petition({ channel: 'letter', receivedAt: new Date(Date.now() - 365 * DAY - 3600_000).toISOString() }));
    expect(yearAgo.checks.lateReceipt).toBeUndefined();
    const justOver = await w.call<{ code: string }>(
      'POST',
      '/petitions',
      petition({ channel: 'letter', receivedAt: new Date(Date.now() - 366 * DAY - 3600_000).toISOString() }),
      'countyBureau',
    );
    expect(justOver.body.code).toBe('RECEIVED_AT_CONFIRMATION_REQUIRED');
  });

  it('lists the category code table with the unit kinds competent for each, and corrects only to a code of it', async () => {
    const list = await w.call<{ items: Array<{ code: string; zh: string; en: string; competentKinds: string[] }> }>(
      'GET',
      '/categories',
      undefined,
      'countyBureau',
    );
    expect(list.status).toBe(200);
    expect(list.body.items.map((c) => c.code)).toEqual([
      'labour',
      'agriculture',
      'civil-affairs',
      'demolition',
      'environment',
      'urban-construction',
      'land-resources',
      'education',
      'health',
      'transport',
      'public-security',
      'lawsuit',
      'other',
    ]);
    expect(list.body.items.find((c) => c.code === 'labour')).toEqual({
      code: 'labour',
      zh: '劳资纠纷',
      en: 'Labour disputes',
      competentKinds: ['dept-hrss'],
    });
    expect(list.body.items.find((c) => c.code === 'urban-construction')?.competentKinds).toEqual(['dept-housing']);
    expect(list.body.items.find((c) => c.code === 'lawsuit')?.competentKinds).toEqual(['political-legal']);
    expect(list.body.items.find((c) => c.code === 'other')?.competentKinds).toEqual(['government']);
    expect((await w.call('GET', '/categories')).status).toBe(401);

    const r = await register(petition());
    const wrong = await w.call<{ code: string }>(
      'PATCH',
      `/petitions/${r.caseId}`,
      { changes: { category: 'no-such-code' }, reason: { code: 'clerical-error' } },
      'countyBureau',
    );
    expect(wrong.status).toBe(422);
    expect(wrong.body.code).toBe('UNKNOWN_CATEGORY');
    const online = await w.call<{ code: string }>('POST', '/public/petitions', {
      ...petition({ category: 'no-such-code' }),
      receivedAt: undefined,
      channel: 'online',
    });
    expect(online.status).toBe(422);
    expect(online.body.code).toBe('UNKNOWN_CATEGORY');
  });

  /** Waits until intake's case replica has folded `eventId` (the last event produced for the case). */
  async function folded(caseId: string, eventId: string): Promise<void> {
    await eventually(
      async () => {
        const [row] = await w.sql<{ state: { lastEventId: string } }>(`SELECT state FROM intake.case_replica WHERE case_id = $1`, [caseId]);
        return row?.state.lastEventId === eventId ? true : undefined;
      },
      30000,
      `${eventId} in intake's case replica`,
    );
  }

  it('shows the petitioner of a case not accepted the reason and where to turn, as the 不予受理告知书 says', async () => {
    const r = await register(petition({ subject: '不服劳动合同解除', content: '公司解除劳动合同未支付经济补偿，请求责令支付。' }));
    await w.produce(r.caseId, 'case.dispatched', {
      stage: 'original',
      fromUnitId: UNITS.countyBureau,
      toUnitId: UNITS.hrss,
      mode: 'forward',
      rule: { id: 'territory-competence-level', version: 1 },
      reasons: ['主管'],
      hop: 1,
    });
    await w.produce(r.caseId, 'case.signed', { unitId: UNITS.hrss });
    const decided = await w.produce(r.caseId, 'case.not-accepted', {
      unitId: UNITS.hrss,
      reason: { code: 'other-legal-procedure', text: '该事项属于劳动争议，应通过劳动争议仲裁解决' },
      properChannel: 'arbitration',
    });
    await folded(r.caseId, decided.id);
    const progress = await w.call<Record<string, unknown>>('POST', '/public/cases/progress', {
      caseNumber: r.caseNumber,
      queryCode: r.queryCode,
    });
    expect(progress.status).toBe(200);
    expect(progress.body['status']).toMatchObject({ code: 'not-accepted', zh: '不予受理' });
    expect(progress.body['notAccepted']).toEqual({
      decidedAt: decided.occurredAt,
      unit: { id: UNITS.hrss, name: '延津县人力资源和社会保障局' },
      reason: { code: 'other-legal-procedure', text: '该事项属于劳动争议，应通过劳动争议仲裁解决' },
      properChannel: { code: 'arbitration', zh: '依法申请仲裁', en: 'Apply for arbitration' },
      channelUnit: null,
    });

    const accepted = await register(petition());
    const progressOfOther = await w.call<Record<string, unknown>>('POST', '/public/cases/progress', {
      caseNumber: accepted.caseNumber,
      queryCode: accepted.queryCode,
    });
    expect(progressOfOther.body['notAccepted']).toBeNull();
  });

  it('answers a unit correcting a case it may not see, or none, with the platform’s CASE_NOT_FOUND, never the citizen’s words', async () => {
    const staffNotFound = {
      code: 'CASE_NOT_FOUND',
      message: { zh: '信访事项不存在或无权查看', en: 'no such case in your unit or territory' },
    };
    const correction = { changes: { channel: 'letter' }, reason: { code: 'clerical-error' } };
    const ghost = await w.call('PATCH', '/petitions/01900000-0000-7000-8000-000000000000', correction, 'countyBureau');
    expect(ghost.status).toBe(404);
    expect(ghost.body).toMatchObject(staffNotFound);
    const r = await register(petition());
    const stranger = await w.call('PATCH', `/petitions/${r.caseId}`, correction, 'housing');
    expect(stranger.status).toBe(404);
    expect(stranger.body).toMatchObject(staffNotFound);
  });

  const WAGES = { subject: '拖欠农民工工资', content: '本人在东屯镇某建筑工地务工，工程结束后老板拖欠工资三个月未付，请求帮助追讨。' };
  const WAGES_AGAIN = {
    subject: '再次反映工地拖欠工资',
    content: '东屯镇建筑工地老板拖欠我们农民工工资至今未付，已经三个多月，请求追讨欠薪。',
  };
  const POLLUTION = { subject: '化工厂夜间排放废气', content: '村北化工厂每天夜间排放刺鼻废气，村民头晕恶心，请求环保部门查处。' };
  type Repeat = { caseId: string; score: number; basis: string; reason: { zh: string; en: string } };
  const repeatOf = (r: Reach) => r.checks.repeat as Repeat | null;

  it('recognises a hotline caller with no ID number by the phone, with the basis and the score', async () => {
    const first = await register(petition({ channel: 'hotline', petitioner: { name: '王小二', phone: '13912345678' }, ...WAGES }));
    expect(repeatOf(first)).toBeNull();
    // The same phone written another way, another name given: the same caller.
    const again = await register(
      petition({ channel: 'hotline', petitioner: { name: '王二', phone: '+86-139-1234-5678' }, ...WAGES_AGAIN }),
      'cityBureau',
    );
    const match = repeatOf(again);
    expect(match).toMatchObject({ caseId: first.caseId, basis: 'same-phone' });
    expect(match?.score).toBeGreaterThanOrEqual(0.6);
    expect(match?.reason.zh).toBe(`同一联系电话，事项内容相似度${match?.score.toFixed(2)}`);
    expect(again.flags.repeatOf).toBe(first.caseId);
    const dossier = await w.call<{ facts: { repeat?: Repeat } }>('GET', `/petitions/${again.caseId}/dossier`, undefined, 'cityBureau');
    expect(dossier.body.facts.repeat).toEqual(match);
    // The same phone about another matter is no repeat.
    const other = await register(petition({ channel: 'hotline', petitioner: { name: '王小二', phone: '13912345678' }, ...POLLUTION }));
    expect(repeatOf(other)).toBeNull();
  });

  it('recognises a letter writer with neither ID number nor phone by the name at the same place, not at another', async () => {
    const first = await register(petition({ channel: 'letter', petitioner: { name: '赵春花' }, ...WAGES }));
    const again = await register(petition({ channel: 'letter', petitioner: { name: '赵 春花' }, ...WAGES_AGAIN }));
    expect(repeatOf(again)).toMatchObject({ caseId: first.caseId, basis: 'same-name-and-place' });
    expect(repeatOf(again)?.reason.zh).toMatch(/^同一姓名、同一事发地，事项内容相似度0\.\d\d$/);
    // The same name elsewhere (the county seat, not 东屯镇) is another person as far as the register can tell.
    const elsewhere = await register(petition({ channel: 'letter', placeCode: COUNTY, petitioner: { name: '赵春花' }, ...WAGES_AGAIN }));
    expect(repeatOf(elsewhere)).toBeNull();
  });

  it('matches no online submission to an earlier case by its phone: its identity is unverified (door 4)', async () => {
    await register(petition({ channel: 'hotline', petitioner: { name: '钱多多', phone: '13711112222' }, ...WAGES }));
    const online = await w.call<{ caseNumber: string }>('POST', '/public/petitions', {
      type: 'claim',
      category: 'labour',
      placeCode: DONGTUN,
      ...WAGES_AGAIN,
      petitioner: { name: '钱多多', phone: '13711112222' },
    });
    expect(online.status).toBe(201);
    const [row] = await w.sql<{ flags: { repeatOf?: string }; checks: { repeat: unknown } }>(
      `SELECT flags, checks FROM intake.petitions WHERE case_number = $1`,
      [online.body.caseNumber],
    );
    expect([row?.flags.repeatOf, row?.checks.repeat]).toEqual([undefined, null]);
  });

  /** Routing's part of a case through every stage, as its relay would publish it: final after re-review (Art 36). */
  async function finalAfterReReview(caseId: string): Promise<{ reReviewReplied: string }> {
    const rule = { id: 'territory-competence-level', version: 1 };
    const stages = [
      { stage: 'original' as const, unitId: UNITS.hrss },
      { stage: 'review' as const, unitId: UNITS.countyGov },
      { stage: 're-review' as const, unitId: UNITS.cityGov },
    ];
    let reReviewReplied = '';
    let from = '';
    for (const { stage, unitId } of stages) {
      if (stage === 'original') {
        await w.produce(caseId, 'case.dispatched', {
          stage,
          fromUnitId: UNITS.countyBureau,
          toUnitId: unitId,
          mode: 'forward',
          rule,
          reasons: ['主管'],
          hop: 1,
        });
      } else {
        await w.produce(caseId, 'petition.review-requested', { stage, requestedAt: new Date().toISOString() });
        await w.produce(caseId, 'case.stage-opened', { stage, unitId, fromUnitId: from });
      }
      await w.produce(caseId, 'case.signed', { unitId });
      await w.produce(caseId, 'case.accepted', { unitId, claimRoute: 'petition' });
      const replied = await w.produce(caseId, 'case.replied', {
        unitId,
        stage,
        outcome: 'not-supported',
        replyDocumentRef: `routing:reply:${caseId}:${stage}`,
        approvedBy: `${unitId}-head`,
      });
      if (stage === 're-review') reReviewReplied = replied.occurredAt;
      await w.produce(caseId, 'case.reply-served', { unitId, servedAt: new Date().toISOString(), method: 'in-person' });
      from = unitId;
    }
    const finalized = await w.produce(caseId, 'case.finalized', { unitId: UNITS.cityGov });
    await folded(caseId, finalized.id);
    return { reReviewReplied };
  }

  it('flags a new petition on a matter final after re-review (Art 36) with the earlier case, for the bureau to decide 不予受理', async () => {
    const person = { name: '孙大成', idNumber: '410726198001011111', phone: '13655556666' };
    const first = await register(petition({ petitioner: person, ...WAGES }));
    const { reReviewReplied } = await finalAfterReReview(first.caseId);
    const [finalState] = await w.sql<{ status: string; stage: string }>(
      `SELECT status, stage FROM intake.case_replica WHERE case_id = $1`,
      [first.caseId],
    );
    expect(finalState).toEqual({ status: 'finalized', stage: 're-review' });

    const again = await register(petition({ petitioner: person, ...WAGES_AGAIN }));
    expect(again.flags).toMatchObject({ repeatOf: first.caseId, finalOf: first.caseId });
    expect((again.checks as unknown as { finality: unknown }).finality).toEqual({
      caseId: first.caseId,
      caseNumber: first.caseNumber,
      finalSince: reReviewReplied,
      reasons: [
        `同一事项已经复核终结（信访事项${first.caseNumber}）；信访人仍以同一事实和理由提出的，不再受理（《信访工作条例》第三十六条）`,
      ],
      decide: { action: 'not-accept', properChannel: 'no-further-petition' },
    });
    const [event] = (await w.waitFor(again.caseId, 'petition.registered')) as Array<EventOf<'petition.registered'>>;
    expect(event?.payload.flags.finalOf).toBe(first.caseId);
    const dossier = await w.call<{ facts: { flags: { finalOf?: string } } }>(
      'GET',
      `/petitions/${again.caseId}/dossier`,
      undefined,
      'countyBureau',
    );
    expect(dossier.body.facts.flags.finalOf).toBe(first.caseId);

    // Once more, matching the second (not final itself): still flagged with the final matter.
    const third = await register(petition({ petitioner: person, ...WAGES_AGAIN, subject: '第三次反映工地拖欠工资' }));
    expect(third.flags.finalOf).toBe(first.caseId);
    // Another matter of the same person is not.
    const other = await register(petition({ petitioner: person, ...POLLUTION }));
    expect(other.flags.finalOf).toBeUndefined();
  });
});
