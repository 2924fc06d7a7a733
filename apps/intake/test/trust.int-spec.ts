import { eventually, forSuite } from '@sunshine/testing';

import { DONGTUN, IntakeWorld, petition, type Registered, type UnitKey, UNITS } from './support/intake-world';

type Body = Record<string, unknown> & { code?: string };
const MINUTE = 60_000;

// Issue 17's doors in intake, each reproduced as the attacker tried it on the running stack and now refused: a
// registration rewriting a petitioner's details on earlier cases (3), an online form taking over someone else's
// identity (4), and the intake parts of 10 (self-rated callbacks, query-code guessing that locks the owner out, the
// recovery phone oracle, one person filling a reception, a repeated Idempotency-Key making two cases, unmasked
// dossiers). Doors 2 and 5 (repeat matches, merge scores) are reproduced in flags.int-spec.ts.
describe('intake trust: issue 17 doors 3, 4 and 10', () => {
  const w = forSuite(
    () =>
      IntakeWorld.start({
        QUERY_FAILURE_LIMIT: '3',
        QUERY_CASE_SLOWDOWN_MS: '300',
        RATING_SUBJECTS: 'handling-unit,bureau',
        PUBLIC_RATE_LIMIT_MAX: '1000',
      }),
    async (world) => {
      await world.h.setClockOffset(0);
      await world.stop();
    },
  );

  async function register(body: Record<string, unknown>, unit: UnitKey = 'countyBureau'): Promise<Registered> {
    const res = await w.call<Registered>('POST', '/petitions', body, unit);
    if (res.status !== 201) throw new Error(`registration answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body;
  }

  const dossier = (caseId: string, unit: UnitKey) =>
    w.call<Body & { petitioner?: Record<string, unknown> }>('GET', `/petitions/${caseId}/dossier`, undefined, unit);
  const reveal = (caseId: string, field: string, unit: UnitKey) =>
    w.call<Body>('POST', `/petitions/${caseId}/dossier/reveal`, { field, reason: { code: 'callback', text: '回访核实' } }, unit);
  const caseIdOf = async (caseNumber: unknown) =>
    String((await w.sql<{ case_id: string }>(`SELECT case_id FROM intake.petitions WHERE case_number = $1`, [caseNumber]))[0]?.case_id);
  const petitionerOf = async (caseId: string) =>
    (await w.sql<{ petitioner_id: string }>(`SELECT petitioner_id FROM intake.petitions WHERE case_id = $1`, [caseId]))[0]?.petitioner_id;

  /** Routing's part, as its relay would publish it: held, accepted and replied by `unit`, the reply served. */
  async function serveReply(caseId: string, unit: string, from: string = UNITS.countyBureau): Promise<void> {
    await w.produce(caseId, 'case.dispatched', {
      stage: 'original',
      fromUnitId: from,
      toUnitId: unit,
      mode: 'assign',
      rule: { id: 'territory-competence-level', version: 1 },
      reasons: ['属地'],
      hop: 1,
    });
    await w.produce(caseId, 'case.signed', { unitId: unit });
    await w.produce(caseId, 'case.accepted', { unitId: unit, claimRoute: 'petition' });
    await w.produce(caseId, 'case.replied', {
      unitId: unit,
      stage: 'original',
      outcome: 'supported',
      replyDocumentRef: `routing:reply:${caseId}`,
      approvedBy: 'head',
    });
    const served = await w.produce(caseId, 'case.reply-served', {
      unitId: unit,
      servedAt: new Date(Date.now() - 10 * MINUTE).toISOString(),
      method: 'in-person',
    });
    await eventually(
      async () => {
        const [row] = await w.sql<{ state: { lastEventId: string } }>(`SELECT state FROM intake.case_replica WHERE case_id = $1`, [caseId]);
        return row?.state.lastEventId === served.id ? true : undefined;
      },
      30000,
      'the reply served in intake’s case replica',
    );
  }

  it('keeps each case’s petitioner details: a later registration with the same ID number rewrites nothing (door 3)', async () => {
    const id = '410726198001015555';
    const accuser = { name: '石原名', idNumber: id, phone: '13512340001', address: '延津县东屯镇老街1号' };
    const accusation = await register(
      petition({
        type: 'accusation',
        category: 'other',
        petitioner: accuser,
        subject: '举报住建局干部索贿',
        content: '住建局某干部索要好处费，本人有录音为证。',
        accused: { unitId: UNITS.housing },
      }),
    );
    const later = await register(
      petition({ petitioner: { name: '石新名', idNumber: id, phone: '13512340002', address: '延津县城关镇新街2号' } }),
    );

    // Recognised as one petitioner (the blind index), each case with the details given with it.
    const [first] = await w.waitFor(accusation.caseId, 'petition.registered');
    const [second] = await w.waitFor(later.caseId, 'petition.registered');
    expect(second?.payload.petitionerRef).toBe(first?.payload.petitionerRef);
    expect((await dossier(accusation.caseId, 'cityDiscipline')).body.petitioner).toMatchObject({ name: '石原名', phone: '135****0001' });
    expect((await reveal(accusation.caseId, 'petitioner.phone', 'cityDiscipline')).body['value']).toBe('13512340001');
    expect((await reveal(accusation.caseId, 'petitioner.address', 'cityDiscipline')).body['value']).toBe('延津县东屯镇老街1号');
    expect((await dossier(later.caseId, 'countyBureau')).body.petitioner).toMatchObject({ name: '石新名', phone: '135****0002' });
    expect((await reveal(later.caseId, 'petitioner.phone', 'countyBureau')).body['value']).toBe('13512340002');
    expect(await w.count('petitioner_versions', 'petitioner_id = $1', [await petitionerOf(accusation.caseId)])).toBe(2);
    // The same details again are the same version, not a third.
    await register(petition({ petitioner: { name: '石新名', idNumber: id, phone: '13512340002', address: '延津县城关镇新街2号' } }));
    expect(await w.count('petitioner_versions', 'petitioner_id = $1', [await petitionerOf(accusation.caseId)])).toBe(2);
  });

  it('keeps an online submission with someone else’s ID number its own, unverified, until a code to the phone on file or staff verify it (door 4)', async () => {
    const id = '410726196602024444';
    const victim = await register(
      petition({ petitioner: { name: '真本人', idNumber: id, phone: '13600002222', address: '延津县东屯镇' } }),
    );
    const online = {
      type: 'claim',
      category: 'labour',
      placeCode: DONGTUN,
      subject: '网上反映欠薪',
      content: '东屯镇某工地拖欠工资两个月，老板失联。',
    };
    const impostor = await w.call<Body>('POST', '/public/petitions', {
      ...online,
      petitioner: { name: '冒名者', idNumber: id, phone: '13600003333' },
    });
    expect([impostor.status, impostor.body['identity']]).toEqual([201, expect.objectContaining({ status: 'unverified' })]);
    const key = { caseNumber: impostor.body['caseNumber'], queryCode: impostor.body['queryCode'] };
    const caseId = await caseIdOf(key.caseNumber);

    // Staff see the submitter's own details, marked unverified; the victim's case and record are untouched.
    expect(await petitionerOf(caseId)).not.toBe(await petitionerOf(victim.caseId));
    const [registered] = await w.waitFor(caseId, 'petition.registered');
    expect(registered?.payload.petitionerRef).toBe(await petitionerOf(caseId));
    expect((await dossier(caseId, 'countyBureau')).body.petitioner).toMatchObject({
      name: '冒名者',
      phone: '136****3333',
      identity: { status: 'unverified' },
    });
    expect((await dossier(victim.caseId, 'countyBureau')).body.petitioner).toMatchObject({
      name: '真本人',
      identity: { status: 'verified' },
    });

    // The code goes to the phone on file (the victim's), never to the submitter; a guess is refused and links nothing.
    const asked = await w.call<Body>('POST', '/public/cases/identity-verification', key);
    const notOnFile = await w.call<Body>('POST', '/public/petitions', {
      ...online,
      petitioner: { name: '新用户', idNumber: '410726199912310001', phone: '13600004444' },
    });
    const askedNotOnFile = await w.call<Body>('POST', '/public/cases/identity-verification', {
      caseNumber: notOnFile.body['caseNumber'],
      queryCode: notOnFile.body['queryCode'],
    });
    expect([asked.status, askedNotOnFile.status]).toEqual([202, 202]);
    expect(askedNotOnFile.body).toEqual(asked.body);
    expect(await w.count('citizen_messages', 'case_id = $1', [await caseIdOf(notOnFile.body['caseNumber'])])).toBe(0);
    const [message] = await w.sql<{ recipient_masked: string; status: string; template: string; body_enc: string }>(
      `SELECT recipient_masked, status, template, body_enc FROM intake.citizen_messages WHERE case_id = $1`,
      [caseId],
    );
    expect(message).toMatchObject({ recipient_masked: '136****2222', status: 'awaiting-gateway', template: 'identity-verification' });
    const code = /验证码(\d{6})/.exec(w.open(message?.body_enc ?? ''))?.[1] ?? '';
    const guess = await w.call<Body>('POST', '/public/cases/identity-verification/confirm', {
      ...key,
      code: code === '000000' ? '000001' : '000000',
    });
    expect([guess.status, guess.body.code]).toEqual([422, 'IDENTITY_CODE_INVALID']);
    expect(await petitionerOf(caseId)).not.toBe(await petitionerOf(victim.caseId));

    // The holder of the phone on file confirms: the submission joins the petitioner on file.
    const confirmed = await w.call<Body>('POST', '/public/cases/identity-verification/confirm', { ...key, code });
    expect([confirmed.status, confirmed.body['identity']]).toEqual([200, { status: 'verified', how: 'sms-code' }]);
    expect(await petitionerOf(caseId)).toBe(await petitionerOf(victim.caseId));
    expect((await dossier(caseId, 'countyBureau')).body.petitioner).toMatchObject({
      name: '冒名者',
      identity: { status: 'verified', how: 'sms-code' },
    });

    // Staff who saw the identity document confirm the other one; only a unit with the full dossier may.
    const otherId = await caseIdOf(notOnFile.body['caseNumber']);
    const confirm = (unit: UnitKey) =>
      w.call<Body>(
        'POST',
        `/petitions/${otherId}/identity-confirmation`,
        { reason: { code: 'id-card-seen', text: '现场核验身份证' } },
        unit,
      );
    expect((await confirm('housing')).status).toBe(404);
    expect((await confirm('countyBureau')).body).toMatchObject({ identity: { status: 'verified', how: 'staff-confirmation' } });
    expect((await confirm('countyBureau')).body.code).toBe('IDENTITY_ALREADY_VERIFIED');
    const visit = await register(petition({ petitioner: { name: '新用户', idNumber: '410726199912310001', phone: '13600004444' } }));
    expect(await petitionerOf(visit.caseId)).toBe(await petitionerOf(otherId));
  });

  it('never lets a unit rate itself; a callback rating records who called and when, and the petitioner’s own rating prevails (door 10)', async () => {
    // Registered by the township's petition office and handled by the township government above it.
    const r = await register(
      petition({ subject: '村道损坏', content: '东屯镇某村村道损坏多年无人维修，出行困难。', category: 'other' }),
      'dongtunOffice',
    );
    await serveReply(r.caseId, UNITS.dongtun, UNITS.dongtunOffice);
    const callback = (unit: UnitKey, body: Record<string, unknown>) =>
      w.call<Body>('POST', `/petitions/${r.caseId}/callback-ratings`, body, unit);

    const underRated = await callback('dongtunOffice', { score: 'satisfied' });
    expect([underRated.status, underRated.body.code]).toEqual([403, 'SELF_RATING']);
    const bureauOfItself = await callback('dongtunOffice', { subject: 'bureau', score: 'satisfied' });
    expect([bureauOfItself.status, bureauOfItself.body.code]).toEqual([403, 'SELF_RATING']);
    const calledAt = new Date(Date.now() - 5 * MINUTE).toISOString();
    const county = await callback('countyBureau', { score: 'satisfied', calledAt });
    expect(county.status).toBe(201);
    expect(county.body).toMatchObject({ unitId: UNITS.dongtun, enteredBy: 'staff-callback', calledBy: 'countyBureau-staff', calledAt });
    const [row] = await w.sql<{ staff_subject: string; caller_unit_id: string; called_at: Date }>(
      `SELECT staff_subject, caller_unit_id, called_at FROM intake.ratings WHERE case_id = $1 AND entered_by = 'staff-callback'`,
      [r.caseId],
    );
    expect([row?.staff_subject, row?.caller_unit_id, row?.called_at.toISOString()]).toEqual([
      'countyBureau-staff',
      UNITS.countyBureau,
      calledAt,
    ]);

    // The petitioner's own 不满意 is taken after the callback and prevails; no callback replaces it.
    const key = { caseNumber: r.caseNumber, queryCode: r.queryCode };
    const own = await w.call<Body>('POST', '/public/cases/ratings', { ...key, score: 'dissatisfied' });
    expect([own.status, own.body['enteredBy']]).toEqual([201, 'citizen']);
    await eventually(
      async () => {
        const progress = await w.call<{ ratings: Array<{ subject: string; score: { code: string } }> }>(
          'POST',
          '/public/cases/progress',
          key,
        );
        return progress.body.ratings.find((x) => x.subject === 'handling-unit')?.score.code === 'dissatisfied' ? true : undefined;
      },
      10000,
      'the petitioner’s rating in progress',
    );
    const again = await callback('countyBureau', { score: 'satisfied' });
    expect([again.status, again.body.code]).toEqual([409, 'ALREADY_RATED']);
    expect((await w.waitFor(r.caseId, 'petition.rated', 2)).map((e) => [e.payload.enteredBy, e.payload.score])).toEqual([
      ['staff-callback', 'satisfied'],
      ['citizen', 'dissatisfied'],
    ]);
  });

  it('honours an Idempotency-Key: the same body gets the first answer, another body 409, two at once make one case (door 10)', async () => {
    const body = petition({ subject: '幂等登记', content: '同一请求重发两次，只应登记一件。' });
    const send = (key: string, b: unknown) =>
      w.callFrom<Body>('127.0.0.1', 'POST', '/petitions', { body: b, unit: 'countyBureau', headers: { 'Idempotency-Key': key } });
    const first = await send('0190a6b2-7c3e-7a1b-8c2d-00000000a001', body);
    const second = await send('0190a6b2-7c3e-7a1b-8c2d-00000000a001', body);
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.body).toEqual(first.body);
    expect(await w.count('petitions', 'case_number = $1', [first.body['caseNumber']])).toBe(1);
    const other = await send('0190a6b2-7c3e-7a1b-8c2d-00000000a001', { ...body, subject: '另一件事' });
    expect([other.status, other.body.code]).toEqual([409, 'IDEMPOTENCY_KEY_REUSED']);
    expect((await send('short', body)).body.code).toBe('INVALID_IDEMPOTENCY_KEY');

    const before = await w.count('petitions');
    const both = await Promise.all([1, 2].map(() => send('0190a6b2-7c3e-7a1b-8c2d-00000000a002', body)));
    expect(both.map((b) => b.status)).toEqual([201, 201]);
    expect(both[1]?.body['caseId']).toBe(both[0]?.body['caseId']);
    expect(await w.count('petitions')).toBe(before + 1);

    const online = {
      type: 'claim',
      category: 'labour',
      placeCode: DONGTUN,
      subject: '网上幂等',
      content: '网上提交重发两次只登记一件。',
      petitioner: { name: '重发者', phone: '13600005555' },
    };
    const publicSend = () =>
      w.callFrom<Body>('127.0.0.1', 'POST', '/public/petitions', {
        body: online,
        headers: { 'Idempotency-Key': '0190a6b2-7c3e-7a1b-8c2d-00000000a003' },
      });
    const [a, b] = [await publicSend(), await publicSend()];
    expect([a.status, b.status, b.body['caseNumber'], b.body['queryCode']]).toEqual([201, 201, a.body['caseNumber'], a.body['queryCode']]);
  });

  it('limits bookings per person and client: one name and phone cannot fill a leader reception (door 10)', async () => {
    const reception = async () => {
      const startsAt = new Date(Date.now() + 3 * 86400_000);
      const res = await w.call<{ id: string }>(
        'POST',
        '/receptions',
        {
          leaderRef: 'leader-410726-02',
          leaderName: '李副县长',
          leaderTitle: '副县长',
          startsAt: startsAt.toISOString(),
          endsAt: new Date(startsAt.getTime() + 3 * 3600_000).toISOString(),
          place: '县信访局接待大厅',
          capacity: 10,
        },
        'countyBureau',
      );
      return res.body.id;
    };
    const book = (id: string, from: string, name: string, phone: string) =>
      w.callFrom<Body>(from, 'POST', `/public/receptions/${id}/appointments`, { body: { name, phone, subject: '反映征地补偿问题' } });
    const [first, second, third] = [await reception(), await reception(), await reception()];
    expect((await book(first, '127.0.0.41', '钱七', '13700001111')).status).toBe(201);
    const samePhone = await book(first, '127.0.0.42', '孙八', '137-0000-1111');
    expect([samePhone.status, samePhone.body.code]).toEqual([409, 'ALREADY_BOOKED']);
    expect((await book(first, '127.0.0.41', '周九', '13700002222')).status).toBe(201);
    expect((await book(first, '127.0.0.41', '吴十', '13700003333')).status).toBe(201);
    const crowd = await book(first, '127.0.0.41', '郑十一', '13700004444');
    expect([crowd.status, crowd.body.code]).toEqual([422, 'BOOKING_LIMIT']);
    expect((await book(second, '127.0.0.43', '钱七', '13700001111')).status).toBe(201);
    const thirdReception = await book(third, '127.0.0.44', '钱七', '13700001111');
    expect([thirdReception.status, thirdReception.body.code]).toEqual([422, 'BOOKING_LIMIT']);
    expect(await w.count('appointments', 'reception_id = $1', [first])).toBe(3);
  });

  it('masks phones, addresses and ID numbers in the dossier and reveals one field only on a recorded request (door 10)', async () => {
    const rep = { name: '代表甲', idNumber: '410726197001010011', phone: '13800001111' };
    const r = await register(petition({ form: { kind: 'collective', headCount: 20, representatives: [rep] } }));
    const read = await dossier(r.caseId, 'countyBureau');
    expect(read.body.petitioner).toEqual({
      name: '张三',
      idNumber: '410***********1234',
      phone: '138****8000',
      address: '延津县***',
      identity: { status: 'verified', how: 'staff-registration' },
    });
    expect(read.body['representatives']).toEqual([{ name: '代表甲', phone: '138****1111' }]);
    expect(JSON.stringify(read.body)).not.toContain('13800138000');

    const shown = await reveal(r.caseId, 'representatives.0.phone', 'countyBureau');
    expect(shown.body).toMatchObject({ field: 'representatives.0.phone', value: '13800001111' });
    const [logged] = await w.sql<{ field: string; staff_subject: string; staff_unit_id: string; reason: unknown }>(
      `SELECT field, staff_subject, staff_unit_id, reason FROM intake.dossier_access_log WHERE case_id = $1`,
      [r.caseId],
    );
    expect(logged).toEqual({
      field: 'representatives.0.phone',
      staff_subject: 'countyBureau-staff',
      staff_unit_id: UNITS.countyBureau,
      reason: { code: 'callback', text: '回访核实' },
    });
    // No access: exactly as for a case that does not exist; the bare facts of an accusation: refused.
    const [outside, none] = [
      await reveal(r.caseId, 'petitioner.phone', 'housing'),
      await reveal('01890000-0000-7000-8000-000000000000', 'petitioner.phone', 'housing'),
    ];
    expect(outside.status).toBe(404);
    expect(outside.body).toEqual(none.body);
    const accusation = await register(
      petition({
        type: 'accusation',
        category: 'other',
        subject: '举报某干部',
        content: '某干部收受礼金，有证人。',
        accused: { unitId: UNITS.housing },
      }),
    );
    expect((await reveal(accusation.caseId, 'petitioner.phone', 'countyBureau')).body.code).toBe('FULL_ACCESS_REQUIRED');
    expect((await reveal(accusation.caseId, 'petitioner.phone', 'cityDiscipline')).body['value']).toBe('13800138000');
    expect(await w.count('dossier_access_log', 'case_id = $1', [accusation.caseId])).toBe(1);
  });

  it('answers query-code recovery alike and in the same time whatever matched, counting it for the client only, never the case (door 10)', async () => {
    const r = await register(petition({ petitioner: { name: '找回人', phone: '13900007777' } }));
    const ask = (phone: string) =>
      w.callFrom<Body>('127.0.0.31', 'POST', '/public/query-code/recovery', { body: { caseNumber: r.caseNumber, phone } });
    const answers = [await ask('13900000001'), await ask('13900007777'), await ask('13900000002')];
    expect(answers.map((a) => a.status)).toEqual([202, 202, 202]);
    expect(answers[1]?.body).toEqual(answers[0]?.body);
    expect(answers.every((a) => a.ms >= 500)).toBe(true);
    expect(await w.count('citizen_messages', 'case_id = $1', [r.caseId])).toBe(1);
    expect(await w.count('query_failures', 'case_number = $1', [r.caseNumber])).toBe(0);
    // The client's recovery budget counts every request alike (3 an hour here): the fourth is refused whatever the phone.
    const fourth = await ask('13900007777');
    expect([fourth.status, fourth.body.code]).toEqual([429, 'RECOVERY_LIMITED']);
    const owner = await w.callFrom<Body>('127.0.0.32', 'POST', '/public/cases/progress', {
      body: { caseNumber: r.caseNumber, queryCode: r.queryCode },
    });
    expect(owner.status).toBe(200);
  });

  it('locks the guesser, not the petitioner: per-client budgets with backoff, and a per-case budget that only slows (door 10)', async () => {
    const r = await register(petition());
    const guess = (queryCode: string) =>
      w.callFrom<Body>('127.0.0.21', 'POST', '/public/cases/progress', { body: { caseNumber: r.caseNumber, queryCode } });
    const wrong = [await guess('WRONG2AA'), await guess('WRONG3AA'), await guess('WRONG4AA')];
    expect(wrong.map((a) => a.status)).toEqual([404, 404, 404]);
    const locked = await guess(r.queryCode);
    expect([locked.status, locked.body.code]).toEqual([429, 'QUERY_LOCKED']);
    // The petitioner, from another client, still gets in: the case is only slowed (300 ms here) while it is guessed at.
    const owner = await w.callFrom<Body>('127.0.0.22', 'POST', '/public/cases/progress', {
      body: { caseNumber: r.caseNumber, queryCode: r.queryCode },
    });
    expect([owner.status, owner.ms >= 300]).toEqual([200, true]);

    // Backoff: 15 minutes after the last wrong answer one more try; a wrong one then costs 30 minutes.
    await w.h.setClockOffset(16 * MINUTE);
    expect((await guess('WRONG5AA')).status).toBe(404);
    const doubled = await guess(r.queryCode);
    expect([doubled.status, JSON.stringify(doubled.body.message)]).toEqual([429, expect.stringContaining('30分钟')]);
    await w.h.setClockOffset(47 * MINUTE);
    expect((await guess(r.queryCode)).status).toBe(200);
    await w.h.setClockOffset(0);
  });
});
