import { eventually, forSuite, http } from '@sunshine/testing';

import { CITY, COUNTY, DONGTUN, IntakeWorld, petition, type Registered, UNITS } from './support/intake-world';

const DAY = 86400_000;
type Body = Record<string, unknown> & { code?: string };

// Citizen self-service on a real intake process with PostgreSQL, Kafka and Redis: online submission, progress,
// ratings and review requests inside and outside their windows, withdrawal, query-code recovery, rate limits.
// Routing's lifecycle events are produced onto the case log as routing's relay would.
describe('intake citizen self-service', () => {
  const w = forSuite(
    () => IntakeWorld.start({ QUERY_FAILURE_LIMIT: '5', RATING_SUBJECTS: 'handling-unit,bureau', PUBLIC_RATE_LIMIT_MAX: '60' }),
    async (world) => {
      await world.h.setClockOffset(0);
      await world.stop();
    },
  );

  const pub = (path: string, body: unknown) => w.call<Body>('POST', `/public${path}`, body);

  async function register(body: Record<string, unknown> = petition()): Promise<Registered> {
    const res = await w.call<Registered>('POST', '/petitions', body, 'countyBureau');
    if (res.status !== 201) throw new Error(`registration answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body;
  }

  /** Routing's part, as its relay would publish it: assigned to the labour bureau, accepted, replied, served. */
  async function serveReply(caseId: string): Promise<void> {
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
      replyDocumentRef: `routing:reply:${caseId}`,
      approvedBy: 'hrss-head',
    });
    const served = await w.produce(caseId, 'case.reply-served', {
      unitId: UNITS.hrss,
      servedAt: new Date().toISOString(),
      method: 'in-person',
    });
    await w.waitFor(caseId, 'case.reply-served');
    await eventually(
      async () => {
        const [row] = await w.sql<{ state: { lastEventId: string } }>(`SELECT state FROM intake.case_replica WHERE case_id = $1`, [caseId]);
        return row?.state.lastEventId === served.id ? true : undefined;
      },
      30000,
      'the reply served in intake’s case replica',
    );
  }

  const changes = async () => Promise.all(['ratings', 'review_requests', 'withdrawals', 'outbox'].map((t) => w.count(t)));

  it('takes an online submission and shows its progress to whoever holds the case number and query code', async () => {
    const res = await pub('/petitions', {
      type: 'claim',
      category: 'labour',
      placeCode: DONGTUN,
      subject: '网上反映欠薪',
      content: '东屯镇某工地拖欠工资两个月，老板失联。',
      petitioner: { name: '郑十', phone: '13900139000' },
    });
    expect(res.status).toBe(201);
    expect(res.body['receivingUnit']).toEqual({ id: UNITS.countyBureau, name: '延津县信访局' });
    const key = { caseNumber: res.body['caseNumber'], queryCode: res.body['queryCode'] };
    const progress = await pub('/cases/progress', key);
    expect(progress.status).toBe(200);
    expect(progress.body).toMatchObject({
      caseNumber: key.caseNumber,
      status: { code: 'registered', zh: '已登记' },
      stage: { code: 'original' },
      channel: { code: 'online' },
      handlingUnit: { id: UNITS.countyBureau, name: '延津县信访局' },
      reply: null,
      canWithdraw: true,
    });
    expect(progress.body['deadlines']).toEqual([expect.objectContaining({ kind: 'dispatch', article: '《信访工作条例》第22条' })]);
    const [event] = await w.waitFor(
      String(
        (await w.sql<{ case_id: string }>(`SELECT case_id FROM intake.petitions WHERE case_number = $1`, [key.caseNumber]))[0]?.case_id,
      ),
      'petition.registered',
    );
    expect(event?.actor.kind).toBe('citizen');
    expect(event?.payload.channel).toBe('online');
  });

  it('answers a wrong query code exactly like a missing case, and locks the guessing client alike for both', async () => {
    const r = await register();
    // The guesser calls from its own address: the budget is per client (trust.int-spec.ts has the owner's side).
    const guess = async (path: string, body: unknown) => {
      const { status, body: answer } = await w.callFrom<Body>('127.0.0.11', 'POST', `/public${path}`, { body });
      return { status, body: answer };
    };
    const wrong = await guess('/cases/progress', { caseNumber: r.caseNumber, queryCode: 'ZZZZZZZZ' });
    const missing = await guess('/cases/progress', { caseNumber: '410726-2026-999999', queryCode: 'ZZZZZZZZ' });
    expect(wrong.status).toBe(404);
    expect(missing).toEqual(wrong);
    expect(await guess('/cases/ratings', { caseNumber: r.caseNumber, queryCode: 'ZZZZZZZZ', score: 'satisfied' })).toEqual(wrong);
    for (let i = 0; i < 4; i++) await guess('/cases/progress', { caseNumber: r.caseNumber, queryCode: `WRONG${i}AA` });
    for (let i = 0; i < 4; i++) await guess('/cases/progress', { caseNumber: '410726-2026-999999', queryCode: `WRONG${i}AA` });
    const lockedReal = await guess('/cases/progress', { caseNumber: r.caseNumber, queryCode: r.queryCode });
    const lockedMissing = await guess('/cases/progress', { caseNumber: '410726-2026-999999', queryCode: r.queryCode });
    expect(lockedReal.status).toBe(429);
    expect(lockedReal.body.code).toBe('QUERY_LOCKED');
    expect(lockedMissing).toEqual(lockedReal);
    expect((await pub('/cases/progress', { caseNumber: r.caseNumber, queryCode: r.queryCode })).status).toBe(200);
  });

  it('shows the handling unit, deadlines and reply, and takes one rating per stage and subject and one review request', async () => {
    const r = await register();
    await serveReply(r.caseId);
    const key = { caseNumber: r.caseNumber, queryCode: r.queryCode };
    const progress = await pub('/cases/progress', key);
    expect(progress.body).toMatchObject({
      status: { code: 'replied' },
      handlingUnit: { id: UNITS.hrss, name: '延津县人力资源和社会保障局' },
      reply: { outcome: { code: 'supported' }, available: false },
      canRequestReview: { stage: 'review' },
    });
    expect((progress.body['deadlines'] as Array<{ kind: string }>).map((d) => d.kind).sort()).toEqual([
      'rating-window',
      'review-request-window',
    ]);
    expect((progress.body['canRate'] as Array<{ subject: string }>).map((c) => c.subject).sort()).toEqual(['bureau', 'handling-unit']);

    const rated = await pub('/cases/ratings', { ...key, score: 'basically-satisfied' });
    expect(rated.status).toBe(201);
    const [event] = await w.waitFor(r.caseId, 'petition.rated');
    expect(event?.payload).toEqual({
      stage: 'original',
      subject: 'handling-unit',
      unitId: UNITS.hrss,
      score: 'basically-satisfied',
      enteredBy: 'citizen',
    });
    // A citizen's event carries the place and the unit concerned (the rated county bureau of labour), like any other.
    expect(event?.jurisdiction).toEqual({ place: [CITY, COUNTY, DONGTUN], unit: [CITY, COUNTY] });
    const before = await changes();
    const again = await pub('/cases/ratings', { ...key, score: 'dissatisfied' });
    expect([again.status, again.body.code]).toEqual([409, 'ALREADY_RATED']);
    expect(await changes()).toEqual(before);

    // The county bureau is rated: the city's bureau enters the callback (a unit never rates itself), and the
    // petitioner's own rating, taken after it, prevails.
    const callback = await w.call<Body>(
      'POST',
      `/petitions/${r.caseId}/callback-ratings`,
      { subject: 'bureau', score: 'satisfied' },
      'cityBureau',
    );
    expect(callback.status).toBe(201);
    expect(callback.body).toMatchObject({ subject: 'bureau', unitId: UNITS.countyBureau, enteredBy: 'staff-callback' });
    expect((await pub('/cases/ratings', { ...key, subject: 'bureau', score: 'dissatisfied' })).status).toBe(201);
    expect((await pub('/cases/ratings', { ...key, subject: 'bureau', score: 'satisfied' })).body.code).toBe('ALREADY_RATED');

    const review = await pub('/cases/review-requests', { ...key, stage: 'review' });
    expect(review.status).toBe(201);
    const [requested] = await w.waitFor(r.caseId, 'petition.review-requested');
    expect(requested?.payload.stage).toBe('review');
    // The unit concerned is the one holding the case (the labour bureau that replied), from the directory.
    expect(requested?.jurisdiction).toEqual({ place: [CITY, COUNTY, DONGTUN], unit: [CITY, COUNTY] });
    const twice = await pub('/cases/review-requests', { ...key, stage: 'review' });
    expect([twice.status, twice.body.code]).toEqual([409, 'REVIEW_REQUESTED']);
  });

  it('refuses a rating and a review request after their windows and before the reply is served, changing nothing', async () => {
    const fresh = await register();
    const early = await pub('/cases/ratings', { caseNumber: fresh.caseNumber, queryCode: fresh.queryCode, score: 'satisfied' });
    // decide's refusals answer with the platform's one mapping: a command meeting the case in the wrong state is 409.
    expect([early.status, early.body.code]).toEqual([409, 'REPLY_NOT_SERVED']);
    const r = await register();
    await serveReply(r.caseId);
    const key = { caseNumber: r.caseNumber, queryCode: r.queryCode };
    const before = await changes();
    await w.h.setClockOffset(45 * DAY);
    try {
      const rating = await pub('/cases/ratings', { ...key, score: 'dissatisfied' });
      expect([rating.status, rating.body.code]).toEqual([422, 'WINDOW_EXPIRED']);
      expect(JSON.stringify(rating.body)).toContain('rating-window');
      const review = await pub('/cases/review-requests', { ...key, stage: 'review' });
      expect([review.status, review.body.code]).toEqual([422, 'WINDOW_EXPIRED']);
      expect(JSON.stringify(review.body)).toContain('第35条');
      expect((await pub('/cases/progress', key)).body).toMatchObject({ canRate: [], canRequestReview: null });
    } finally {
      await w.h.setClockOffset(0);
    }
    expect(await changes()).toEqual(before);
  });

  it('lets the petitioner withdraw once', async () => {
    const r = await register();
    const key = { caseNumber: r.caseNumber, queryCode: r.queryCode };
    expect((await pub('/cases/withdrawal', { ...key, reason: 'resolved' })).status).toBe(201);
    expect((await w.waitFor(r.caseId, 'petition.withdrawn'))[0]?.payload).toEqual({ reason: { code: 'resolved' } });
    expect((await pub('/cases/progress', key)).body).toMatchObject({ status: { code: 'withdrawn' }, canWithdraw: false, deadlines: [] });
    const again = await pub('/cases/withdrawal', key);
    expect([again.status, again.body.code]).toEqual([409, 'ILLEGAL_TRANSITION']);
  });

  it('takes the petitioner’s attachments by case number and query code, checked and counted like a clerk’s', async () => {
    const r = await register();
    const upload = (data: Buffer, name: string, key: Record<string, string> = { caseNumber: r.caseNumber, queryCode: r.queryCode }) => {
      const form = new FormData();
      for (const [field, value] of Object.entries(key)) form.append(field, value);
      form.append('file', new Blob([new Uint8Array(data)], { type: 'image/png' }), name);
      return fetch(`${w.url}/public/cases/attachments`, { method: 'POST', body: form }).then(async (res) => ({
        status: res.status,
        body: (await res.json()) as Body,
      }));
    };
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
    const ok = await upload(png, '现场照片.png');
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ caseNumber: r.caseNumber, fileName: '现场照片.png', contentType: 'image/png', sizeBytes: 12 });
    const [corrected] = await w.waitFor(r.caseId, 'petition.corrected');
    expect(corrected?.payload).toEqual({ changes: { attachmentCount: 1 }, reason: { code: 'attachment-added' } });
    expect(corrected?.actor.kind).toBe('citizen');
    // The clerk's dossier lists it beside their own.
    const dossier = await w.call<{ attachments: Array<{ fileName: string }> }>(
      'GET',
      `/petitions/${r.caseId}/dossier`,
      undefined,
      'countyBureau',
    );
    expect(dossier.body.attachments.map((a) => a.fileName)).toEqual(['现场照片.png']);

    const wrongCode = await upload(png, 'a.png', { caseNumber: r.caseNumber, queryCode: 'AAAAAAAA' });
    expect([wrongCode.status, wrongCode.body.code]).toEqual([404, 'CASE_NOT_FOUND']);
    const noKey = await upload(png, 'a.png', {});
    expect([noKey.status, noKey.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const exe = await upload(Buffer.from([0x4d, 0x5a, 0x90, 0, 3, 0]), 'photo.png');
    expect([exe.status, exe.body.code]).toEqual([422, 'ATTACHMENT_TYPE']);
    const big = await upload(Buffer.alloc(5 * 1024 * 1024 + 1, 0x41), 'big.txt');
    expect([big.status, big.body.code, (big.body['message'] as { zh: string }).zh]).toEqual([
      413,
      'ATTACHMENT_TOO_LARGE',
      '附件不能超过5120KB',
    ]);
    expect(await w.count('attachments', 'case_id = $1', [r.caseId])).toBe(1);
  });

  it('recovers a lost query code through a one-time code sent to the registered phone', async () => {
    const r = await register();
    const wrongPhone = await pub('/query-code/recovery', { caseNumber: r.caseNumber, phone: '13811112222' });
    const noCase = await pub('/query-code/recovery', { caseNumber: '410726-2026-888888', phone: '13800138000' });
    expect(wrongPhone.status).toBe(202);
    expect(noCase).toEqual(wrongPhone);
    expect(await w.count('citizen_messages', 'case_id = $1', [r.caseId])).toBe(0);
    const sent = await pub('/query-code/recovery', { caseNumber: r.caseNumber, phone: '138-0013-8000' });
    expect(sent).toEqual(wrongPhone);
    const [message] = await w.sql<{ recipient_masked: string; status: string; body_enc: string }>(
      `SELECT recipient_masked, status, body_enc FROM intake.citizen_messages WHERE case_id = $1`,
      [r.caseId],
    );
    expect(message).toMatchObject({ recipient_masked: '138****8000', status: 'awaiting-gateway' });
    const code = /验证码(\d{6})/.exec(w.open(message?.body_enc ?? ''))?.[1] ?? '';
    expect(code).toMatch(/^\d{6}$/);

    const bad = await pub('/query-code/reset', { caseNumber: r.caseNumber, code: code === '000000' ? '000001' : '000000' });
    expect([bad.status, bad.body.code]).toEqual([404, 'CASE_NOT_FOUND']);
    const reset = await pub('/query-code/reset', { caseNumber: r.caseNumber, code });
    expect(reset.status).toBe(200);
    const fresh = String(reset.body['queryCode']);
    expect(fresh).not.toBe(r.queryCode);
    expect((await pub('/cases/progress', { caseNumber: r.caseNumber, queryCode: r.queryCode })).status).toBe(404);
    expect((await pub('/cases/progress', { caseNumber: r.caseNumber, queryCode: fresh })).status).toBe(200);
    expect((await pub('/query-code/reset', { caseNumber: r.caseNumber, code })).status).toBe(404);
    expect(w.h.log('intake')).toContain('138****8000');
    expect(w.h.log('intake')).not.toContain('13800138000');
  });

  it('never lets an online form change a known petitioner’s contact details or receive their codes', async () => {
    const victim = await register(petition({ petitioner: { name: '真本人', idNumber: '410726196001017777', phone: '13600001111' } }));
    const impostor = await pub('/petitions', {
      type: 'claim',
      category: 'labour',
      placeCode: DONGTUN,
      subject: '冒名提交',
      content: '冒用他人身份证号提交的内容。',
      petitioner: { name: '冒名者', idNumber: '410726196001017777', phone: '13622223333' },
    });
    expect(impostor.status).toBe(201);
    expect((await pub('/query-code/recovery', { caseNumber: victim.caseNumber, phone: '13622223333' })).status).toBe(202);
    expect(await w.count('citizen_messages', 'case_id = $1', [victim.caseId])).toBe(0);
    const dossier = await w.call<Body>('GET', `/petitions/${victim.caseId}/dossier`, undefined, 'countyBureau');
    expect(dossier.body['petitioner']).toMatchObject({ name: '真本人', phone: '136****1111', identity: { status: 'verified' } });
  });

  it('rate limits public endpoints per client, answering in the one error shape', async () => {
    const url = `${w.url}/public/receptions`;
    const answers = [];
    for (let i = 0; i < 61; i++) answers.push(await http<Body>('GET', url));
    expect(answers.slice(0, 60).every((a) => a.status === 200)).toBe(true);
    expect(answers[60]?.status).toBe(429);
    expect(answers[60]?.body).toMatchObject({ code: 'RATE_LIMITED', message: { zh: expect.any(String), en: expect.any(String) } });
  });
});
