import { forSuite } from '@sunshine/testing';

import { IntakeWorld, petition, type Registered } from './support/intake-world';

type Body = Record<string, unknown> & { code?: string };

// 个人信息查阅复制 (PIPL Art 45): the petitioner, with the case number and query code, gets a copy of the personal data
// held for the case; each copy is recorded in the audit trail; a wrong code is answered like a missing case.
describe('intake: a petitioner’s copy of their personal data', () => {
  const w = forSuite(
    () => IntakeWorld.start(),
    (world) => world.stop(),
  );

  it('serves the contact details, texts, attachment names and messages of the case, the ID number masked, and records it', async () => {
    const res = await w.call<Registered>(
      'POST',
      '/petitions',
      petition({
        subject: '工资拖欠',
        content: '东屯镇某工地拖欠本人工资八千元。',
        petitioner: { name: '丁复制', idNumber: '410726198001010044', phone: '13500000044', address: '延津县东屯镇四街4号' },
      }),
      'countyBureau',
    );
    expect(res.status).toBe(201);
    const r = res.body;
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(Buffer.from('工资条'))], { type: 'text/plain' }), '工资条.txt');
    const upload = await fetch(`${w.url}/petitions/${r.caseId}/attachments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await w.token('countyBureau')}` },
      body: form,
    });
    expect(upload.status).toBe(201);

    const copy = await w.call<Body>('POST', '/public/cases/personal-data', { caseNumber: r.caseNumber, queryCode: r.queryCode });
    expect(copy.status).toBe(200);
    expect(copy.body).toMatchObject({
      caseNumber: r.caseNumber,
      petitioner: { name: '丁复制', idNumber: '410***********0044', phone: '13500000044', address: '延津县东屯镇四街4号' },
      subject: '工资拖欠',
      content: '东屯镇某工地拖欠本人工资八千元。',
      attachments: [{ fileName: '工资条.txt', contentType: 'text/plain', sizeBytes: Buffer.byteLength('工资条') }],
      messages: [],
    });

    const [record] = await w.sql<{ subject: string | null; detail: Record<string, unknown> }>(
      `SELECT subject, detail FROM intake.audit_log WHERE kind = 'personal-data-read' AND case_id = $1`,
      [r.caseId],
    );
    expect(record).toEqual({ subject: null, detail: { what: 'petitioner-copy', via: 'self-service' } });

    const wrong = await w.call<Body>('POST', '/public/cases/personal-data', { caseNumber: r.caseNumber, queryCode: 'ZZZZZZZZ' });
    expect(wrong).toMatchObject({ status: 404, body: { code: 'CASE_NOT_FOUND' } });
    expect(await w.count('audit_log', `kind = 'personal-data-read' AND case_id = $1`, [r.caseId])).toBe(1);
  });
});
