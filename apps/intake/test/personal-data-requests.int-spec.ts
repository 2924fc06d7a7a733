import { eventually, forSuite } from '@sunshine/testing';

import { DEIDENTIFIED } from '../src/retention/pii-retention';
import { IntakeWorld, petition, type Registered, UNITS } from './support/intake-world';

type Body = Record<string, unknown> & { code?: string };

// 个人信息更正、删除 (PIPL Art 46, 47): the petitioner files with the case number and query code; the petition bureau
// decides; a deletion is granted only for a terminal case; each decision is audited and goes on the case log (no
// personal data) for notification to tell the petitioner.
describe('intake: a petitioner’s correction and deletion requests', () => {
  const w = forSuite(
    () => IntakeWorld.start(),
    (world) => world.stop(),
  );

  async function register(name: string, idNumber: string, phone: string, address: string): Promise<Registered> {
    const res = await w.call<Registered>(
      'POST',
      '/petitions',
      petition({ petitioner: { name, idNumber, phone, address } }),
      'countyBureau',
    );
    if (res.status !== 201) throw new Error(`registration answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body;
  }

  const decided = (requestId: string) =>
    w.sql<{ type: string; payload: Record<string, unknown> }>(
      `SELECT type, payload FROM intake.case_replica_events WHERE type = 'petition.personal-data-request-decided' AND payload->>'requestId' = $1`,
      [requestId],
    );
  const audited = (caseId: string) =>
    w.sql<{ subject: string | null; detail: Record<string, unknown> }>(
      `SELECT subject, detail FROM intake.audit_log WHERE kind = 'ops-action' AND case_id = $1 ORDER BY seq`,
      [caseId],
    );

  it('corrects the phone and address asked for, sealed again, and tells the petitioner through the case log', async () => {
    const r = await register('戊更正', '410726198001010055', '13500000055', '延津县东屯镇五街5号');
    const key = { caseNumber: r.caseNumber, queryCode: r.queryCode };

    const filed = await w.call<Body>('POST', '/public/cases/personal-data/requests', {
      ...key,
      kind: 'correction',
      changes: { phone: '13600000056', address: '延津县东屯镇五街6号' },
      reason: '手机号已更换，住址登记有误',
    });
    expect(filed).toMatchObject({ status: 201, body: { caseNumber: r.caseNumber, kind: 'correction', status: 'pending' } });
    const requestId = String(filed.body['requestId']);
    // Stored sealed: the new phone is nowhere in clear.
    expect(
      await w.count('personal_data_requests', `id = $1 AND changes_enc NOT LIKE '%13600000056%' AND reason_enc NOT LIKE '%手机%'`, [
        requestId,
      ]),
    ).toBe(1);

    const again = await w.call<Body>('POST', '/public/cases/personal-data/requests', {
      ...key,
      kind: 'correction',
      changes: { name: '戊' },
    });
    expect(again).toMatchObject({ status: 409, body: { code: 'REQUEST_PENDING' } });
    const wrong = await w.call<Body>('POST', '/public/cases/personal-data/requests', { ...key, queryCode: 'ZZZZZZZZ', kind: 'deletion' });
    expect(wrong).toMatchObject({ status: 404, body: { code: 'CASE_NOT_FOUND' } });
    const nothing = await w.call<Body>('POST', '/public/cases/personal-data/requests', { ...key, kind: 'correction', changes: {} });
    expect(nothing.status).toBe(400);

    const list = await w.call<Body>('GET', `/petitions/${r.caseId}/personal-data-requests`, undefined, 'countyBureau');
    expect(list).toMatchObject({
      status: 200,
      body: {
        access: 'full',
        items: [
          {
            requestId,
            kind: 'correction',
            changes: { phone: '13600000056', address: '延津县东屯镇五街6号' },
            reason: '手机号已更换，住址登记有误',
            status: 'pending',
            decidedAt: null,
          },
        ],
      },
    });
    // Another unit's staff do not manage the registration.
    const foreign = await w.call<Body>('POST', `/personal-data-requests/${requestId}/decision`, { decision: 'grant' }, 'fengqiuBureau');
    expect(foreign.status).toBe(404);

    const decision = await w.call<Body>('POST', `/personal-data-requests/${requestId}/decision`, { decision: 'grant' }, 'countyBureau');
    expect(decision).toMatchObject({
      status: 200,
      body: { requestId, caseId: r.caseId, kind: 'correction', outcome: 'corrected', code: null, reasonZh: null },
    });

    const copy = await w.call<Body>('POST', '/public/cases/personal-data', key);
    expect(copy.body).toMatchObject({
      petitioner: { name: '戊更正', idNumber: '410***********0055', phone: '13600000056', address: '延津县东屯镇五街6号' },
    });
    expect(await decided(requestId)).toEqual([
      { type: 'petition.personal-data-request-decided', payload: { requestId, kind: 'correction', outcome: 'corrected' } },
    ]);
    expect(await audited(r.caseId)).toEqual([
      {
        subject: 'countyBureau-staff',
        detail: { what: 'personal-data-request', requestId, kind: 'correction', outcome: 'corrected', code: null },
      },
    ]);

    const twice = await w.call<Body>('POST', `/personal-data-requests/${requestId}/decision`, { decision: 'refuse' }, 'countyBureau');
    expect(twice).toMatchObject({ status: 409, body: { code: 'REQUEST_DECIDED' } });
  });

  it('keeps an open case’s data (CASE_OPEN, said in zh-CN) and deletes a closed case’s as the retention job would', async () => {
    const open = await register('己在办', '410726198001010066', '13500000066', '延津县东屯镇六街6号');
    const filedOpen = await w.call<Body>('POST', '/public/cases/personal-data/requests', {
      caseNumber: open.caseNumber,
      queryCode: open.queryCode,
      kind: 'deletion',
    });
    expect(filedOpen.status).toBe(201);
    const keep = await w.call<Body>(
      'POST',
      `/personal-data-requests/${String(filedOpen.body['requestId'])}/decision`,
      { decision: 'grant' },
      'countyBureau',
    );
    expect(keep).toMatchObject({
      status: 200,
      body: {
        kind: 'deletion',
        outcome: 'refused',
        code: 'CASE_OPEN',
        reasonZh: '信访事项尚在办理中，依法须保存办理所需的个人信息；办结后可再次申请删除（《个人信息保护法》第四十七条）',
      },
    });
    expect((await w.call<Body>('GET', `/petitions/${open.caseId}/dossier`, undefined, 'countyBureau')).body).toMatchObject({
      petitioner: { name: '己在办' },
    });
    expect(await decided(String(filedOpen.body['requestId']))).toEqual([
      {
        type: 'petition.personal-data-request-decided',
        payload: { requestId: filedOpen.body['requestId'], kind: 'deletion', outcome: 'refused', code: 'CASE_OPEN' },
      },
    ]);

    const closed = await register('庚已结', '410726198001010077', '13500000077', '延津县东屯镇七街7号');
    const closing = await w.produce(closed.caseId, 'case.closed', { unitId: UNITS.countyBureau, reason: { code: 'window-passed' } });
    await eventually(
      async () =>
        (await w.count('case_replica', `case_id = $1 AND state->>'lastEventId' = $2`, [closed.caseId, closing.id])) === 1 || undefined,
      30000,
      'the closing in intake’s case replica',
    );
    const filed = await w.call<Body>('POST', '/public/cases/personal-data/requests', {
      caseNumber: closed.caseNumber,
      queryCode: closed.queryCode,
      kind: 'deletion',
      reason: '事项已办结',
    });
    const requestId = String(filed.body['requestId']);
    const done = await w.call<Body>('POST', `/personal-data-requests/${requestId}/decision`, { decision: 'grant' }, 'countyBureau');
    expect(done).toMatchObject({ status: 200, body: { kind: 'deletion', outcome: 'deleted', code: null, reasonZh: null } });
    expect((await w.call<Body>('GET', `/petitions/${closed.caseId}/dossier`, undefined, 'countyBureau')).body).toMatchObject({
      subject: DEIDENTIFIED,
      content: DEIDENTIFIED,
      petitioner: { name: DEIDENTIFIED },
    });
    expect(await w.sql(`SELECT request_id, petitioner_erased FROM intake.pii_deidentified WHERE case_id = $1`, [closed.caseId])).toEqual([
      { request_id: requestId, petitioner_erased: true },
    ]);
    expect(await audited(closed.caseId)).toEqual([
      {
        subject: 'countyBureau-staff',
        detail: { what: 'personal-data-request', requestId, kind: 'deletion', outcome: 'deleted', code: null },
      },
    ]);
  });
});
