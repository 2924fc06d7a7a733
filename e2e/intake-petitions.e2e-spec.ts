import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { type AnyEvent, type EventOf, Topics } from '@sunshine/contracts';
import { createKafka, createOrderedProducer, newEvent, readTopic } from '@sunshine/platform';
import { eventually, http, infraEnv, ServiceHarness, signedMessage, sql } from '@sunshine/testing';
import type { Producer } from 'kafkajs';

import { seedDirectory } from './fixtures';

const COUNTY = '410726000000';
const UNIT = {
  countyBureau: `${COUNTY}:petition-bureau`,
  hrss: `${COUNTY}:dept-hrss`,
  housing: `${COUNTY}:dept-housing`,
  countyDiscipline: `${COUNTY}:discipline`,
  cityDiscipline: '410700000000:discipline',
} as const;
type Unit = keyof typeof UNIT;
const SERVICES = ['intake', 'routing', 'supervision', 'notification', 'evaluation'] as const;
const ATTACHMENTS = resolve(__dirname, '..', 'tmp', 'e2e-intake-attachments');

/** What the personal-data test plants, and must find nowhere readable. */
const PLANTED = {
  name: '欧阳明珠',
  idNumber: '410726198808081357',
  phone: '13912345678',
  address: '延津县东屯镇幸福路88号',
  sentence: '我家门前的老槐树被砍那天下了冰雹',
};

interface Registered {
  caseId: string;
  caseNumber: string;
  queryCode: string;
}

function encodings(value: string): string[] {
  const b = Buffer.from(value, 'utf8');
  const b64 = b.toString('base64').replace(/=+$/, '');
  return [value, b64, b.toString('base64url'), b.toString('hex'), b.toString('hex').toUpperCase()];
}

function filesUnder(dir: string): string[] {
  try {
    return readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? filesUnder(path) : [path];
    });
  } catch {
    return [];
  }
}

// Intake with the four other services on real infrastructure and routing's demo city: personal data stays sealed
// everywhere, lawsuits are forwarded to the political-legal organ, accusations stay with the discipline chain, and
// progress asks routing for the reply with intake's service token.
describe('intake end to end', () => {
  let h: ServiceHarness;
  let producer: Producer | undefined;
  const kafka = createKafka('e2e-intake', infraEnv().kafkaBrokers);
  const token = (unit: Unit) =>
    h.keys.token({ sub: `${unit}-staff`, unit: UNIT[unit], division: UNIT[unit].slice(0, 12), roles: ['clerk', 'head', 'dispatcher'] });
  const staff = async (method: string, path: string, unit: Unit, body?: unknown) =>
    http<Record<string, unknown>>(method, `${h.url('intake')}${path}`, { token: await token(unit), body });

  beforeAll(async () => {
    h = await ServiceHarness.create();
    await h.startAll();
    // Restart intake with this run's own attachment folder (same port, same schema).
    await h.kill('intake', 'SIGTERM');
    await h.start('intake', { ATTACHMENT_DIR: ATTACHMENTS });
    await seedDirectory(h, 'demo');
  });

  afterAll(async () => {
    await producer?.disconnect();
    await h?.stopAll();
  });

  async function register(body: Record<string, unknown>, unit: Unit = 'countyBureau'): Promise<Registered> {
    const res = await staff('POST', '/petitions', unit, body);
    if (res.status !== 201) throw new Error(`registration answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body as unknown as Registered;
  }

  async function caseLog(): Promise<AnyEvent[]> {
    return (await readTopic(kafka, h.topic(Topics.caseLog))).map((m) => JSON.parse(m.value ?? 'null') as AnyEvent);
  }

  async function dispatchOf(caseId: string): Promise<EventOf<'case.dispatched'>> {
    return eventually(
      async () => (await caseLog()).find((e): e is EventOf<'case.dispatched'> => e.caseId === caseId && e.type === 'case.dispatched'),
      60000,
      `case.dispatched for ${caseId}`,
    );
  }

  function petition(over: Record<string, unknown> = {}): Record<string, unknown> {
    return {
      channel: 'visit',
      receivedAt: new Date(Date.now() - 3600_000).toISOString(),
      type: 'claim',
      category: 'labour',
      placeCode: '410726101000',
      subject: '拖欠农民工工资',
      content: '东屯镇某建筑工地老板拖欠工资三个月未付，请求帮助追讨。',
      petitioner: { name: '张三', phone: '13800138000' },
      form: { kind: 'individual' },
      ...over,
    };
  }

  it('keeps planted personal data and text out of every table, log, event and stored file in readable form', async () => {
    const p = PLANTED;
    const person = { name: p.name, idNumber: p.idNumber, phone: p.phone, address: p.address };
    const visit = await register(
      petition({
        petitioner: person,
        content: `${p.sentence}。东屯镇某工地老板拖欠工资三个月。`,
        form: { kind: 'collective', headCount: 12, representatives: [person] },
      }),
    );
    const form = new FormData();
    form.append(
      'file',
      new Blob([new Uint8Array(Buffer.from(`${p.name} ${p.phone} ${p.sentence}`))], { type: 'text/plain' }),
      `${p.name}.txt`,
    );
    const upload = await fetch(`${h.url('intake')}/petitions/${visit.caseId}/attachments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await token('countyBureau')}` },
      body: form,
    });
    expect(upload.status).toBe(201);
    const online = await http<Registered>('POST', `${h.url('intake')}/public/petitions`, {
      body: {
        type: 'claim',
        category: 'labour',
        placeCode: '410726101000',
        subject: '网上反映欠薪',
        content: `${p.sentence}，工资被拖欠。`,
        petitioner: person,
      },
    });
    expect(online.status).toBe(201);
    expect(
      (
        await http('POST', `${h.url('intake')}/public/cases/progress`, {
          body: { caseNumber: visit.caseNumber, queryCode: visit.queryCode },
        })
      ).status,
    ).toBe(200);
    expect(
      (await http('POST', `${h.url('intake')}/public/query-code/recovery`, { body: { caseNumber: visit.caseNumber, phone: p.phone } }))
        .status,
    ).toBe(202);
    expect(
      (
        await staff('PATCH', `/petitions/${visit.caseId}`, 'countyBureau', {
          changes: { channel: 'letter' },
          reason: { code: 'clerical-error' },
        })
      ).status,
    ).toBe(200);
    await dispatchOf(visit.caseId);
    const online2 = await sql<{ case_id: string }>(`SELECT case_id FROM "${h.schema('intake')}".petitions WHERE case_number = $1`, [
      online.body.caseNumber,
    ]);
    await dispatchOf(online2[0]?.case_id ?? '');
    const city = await h.keys.token({
      sub: 'city-staff',
      unit: '410700000000:petition-bureau',
      division: '410700000000',
      roles: ['supervisor'],
    });
    await eventually(
      async () => ((await http('GET', `${h.url('supervision')}/cases/${visit.caseId}`, { token: city })).status === 200 ? true : undefined),
      60000,
      'the city view to hold the case',
    );

    const needles = Object.values(p).flatMap(encodings);
    const found: string[] = [];
    // A control: the (non-secret) case number must turn up, so the sweep really reads what it searches.
    const seen = new Set<string>();
    const check = (where: string, text: string) => {
      for (const n of needles) if (text.includes(n)) found.push(`${where}: ${n}`);
      if (text.includes(visit.caseNumber) || text.includes(visit.caseId)) seen.add(where.split(/[.@ ]/)[0] ?? where);
    };
    for (const svc of SERVICES) {
      const schema = h.schema(svc);
      const tables = await sql<{ table_name: string }>(`SELECT table_name FROM information_schema.tables WHERE table_schema = $1`, [
        schema,
      ]);
      expect(tables.length).toBeGreaterThan(0);
      for (const { table_name } of tables) {
        const rows = await sql<{ row: string }>(`SELECT t::text AS row FROM "${schema}"."${table_name}" t`);
        check(`${svc}.${table_name}`, rows.map((r) => r.row).join('\n'));
      }
      check(`${svc} log`, h.log(svc));
    }
    const admin = kafka.admin();
    await admin.connect();
    const topics = (await admin.listTopics()).filter((t) => t.startsWith(`${h.prefix}.`));
    await admin.disconnect();
    expect(topics).toContain(h.topic(Topics.caseLog));
    for (const topic of topics) {
      for (const m of await readTopic(kafka, topic))
        check(`${topic}@${m.offset}`, `${m.key ?? ''}${m.value ?? ''}${JSON.stringify(m.headers)}`);
    }
    const files = filesUnder(join(ATTACHMENTS, h.schema('intake')));
    expect(files.length).toBe(1);
    for (const f of files) check(f, readFileSync(f).toString('latin1') + readFileSync(f).toString('utf8'));
    expect(found).toEqual([]);
    expect([...seen].sort()).toEqual(expect.arrayContaining(['intake', 'routing', 'supervision', h.prefix]));

    // The key opens it: the dossier shows the planted data to the unit that registered it.
    const dossier = await staff('GET', `/petitions/${visit.caseId}/dossier`, 'countyBureau');
    expect(JSON.stringify(dossier.body)).toContain(p.sentence);
  });

  it('registers a lawsuit matter and routing forwards it to the political-legal organ', async () => {
    const r = await register(
      petition({ category: 'lawsuit', subject: '不服法院判决', content: '本人不服县法院的民事判决，认为判决不公，请求重新审理。' }),
    );
    const dispatched = await dispatchOf(r.caseId);
    const [unit] = await sql<{ kind: string }>(`SELECT kind FROM "${h.schema('intake')}".directory_units WHERE id = $1`, [
      dispatched.payload.toUnitId,
    ]);
    expect(unit?.kind).toBe('political-legal');
    expect(dispatched.payload.toUnitId).toBe(`${COUNTY}:political-legal`);
  });

  it('keeps an accusation’s accuser and material from the accused unit and everyone outside the discipline chain', async () => {
    const accuser = { name: '吴举报', idNumber: '410726197707071111', phone: '13500135000', address: '延津县文岩街道某小区' };
    const secret = '住建局某科长收受开发商好处费二十万元';
    const r = await register(
      petition({
        type: 'accusation',
        category: 'other',
        petitioner: accuser,
        subject: '举报住建局干部受贿',
        content: `${secret}，本人可提供转账记录。`,
        accused: { unitId: UNIT.housing, person: '某科长' },
      }),
    );
    expect((await dispatchOf(r.caseId)).payload.toUnitId).toBe(UNIT.cityDiscipline);
    await eventually(
      async () => {
        const [row] = await sql<{ holding_unit_id: string }>(
          `SELECT holding_unit_id FROM "${h.schema('intake')}".case_replica WHERE case_id = $1`,
          [r.caseId],
        );
        return row?.holding_unit_id === UNIT.cityDiscipline ? true : undefined;
      },
      30000,
      'intake’s case replica to see the dispatch',
    );
    const planted = [accuser.name, accuser.phone, accuser.address, accuser.idNumber.slice(-6), secret, '某科长'];
    for (const unit of ['housing', 'hrss', 'countyDiscipline'] as const) {
      expect([unit, (await staff('GET', `/petitions/${r.caseId}/dossier`, unit)).status]).toEqual([unit, 404]);
    }
    const bureau = await staff('GET', `/petitions/${r.caseId}/dossier`, 'countyBureau');
    expect([bureau.status, bureau.body['access']]).toEqual([200, 'facts-only']);
    for (const s of planted) expect(JSON.stringify(bureau.body)).not.toContain(s);
    const chain = await staff('GET', `/petitions/${r.caseId}/dossier`, 'cityDiscipline');
    expect(chain.body).toMatchObject({ access: 'full', petitioner: { name: accuser.name }, content: expect.stringContaining(secret) });
  });

  it('answers progress with the reply’s outcome and asks routing for its text with the service token', async () => {
    const r = await register(petition());
    const dispatched = await dispatchOf(r.caseId);
    producer ??= createOrderedProducer(kafka);
    await producer.connect();
    const to = dispatched.payload.toUnitId;
    const meta = {
      caseId: r.caseId,
      jurisdiction: { place: ['410700000000', COUNTY], unit: ['410700000000', COUNTY] },
      actor: { kind: 'system' as const, id: 'e2e' },
    };
    const events = [
      newEvent('case.signed', { unitId: to }, meta),
      newEvent('case.accepted', { unitId: to, claimRoute: 'petition' }, meta),
      newEvent(
        'case.replied',
        { unitId: to, stage: 'original', outcome: 'explained', replyDocumentRef: `routing:reply:${r.caseId}`, approvedBy: 'head' },
        meta,
      ),
      newEvent('case.reply-served', { unitId: to, servedAt: new Date().toISOString(), method: 'post' }, meta),
    ];
    await producer.send({
      topic: h.topic(Topics.caseLog),
      acks: -1,
      messages: events.map((e) => signedMessage(h.keys, Topics.caseLog, r.caseId, e)),
    });
    const progress = await eventually(
      async () => {
        const res = await http<Record<string, unknown>>('POST', `${h.url('intake')}/public/cases/progress`, {
          body: { caseNumber: r.caseNumber, queryCode: r.queryCode },
        });
        // The four events are folded one by one: wait for the last (the reply served), not only for the status it leaves.
        const reply = res.body['reply'] as { servedAt?: string | null; available?: boolean; note?: { zh?: string } } | null | undefined;
        // A call that timed out on a busy machine says "try again later" (暂时无法获取): ask again until routing answered.
        const answered = reply?.available === true || reply?.note?.zh === '答复正文暂未提供，请以书面答复为准';
        return (res.body['status'] as { code?: string } | undefined)?.code === 'replied' && reply?.servedAt && answered
          ? res.body
          : undefined;
      },
      30000,
      'the reply served in intake’s case replica',
    );
    expect(progress).toMatchObject({ reply: { outcome: { code: 'explained', zh: '解释说明' }, servedAt: expect.any(String) } });
    const reply = progress['reply'] as { available: boolean; text?: string | null; note?: unknown };
    // Routing owns the reply's text; until it serves one for this case, intake says so instead of failing.
    if (reply.available) expect(typeof reply.text).toBe('string');
    else
      expect([reply.note, h.log('intake')]).toEqual([
        expect.anything(),
        expect.stringContaining(`reply of case ${r.caseId}: routing answered`),
      ]);
  });
});
