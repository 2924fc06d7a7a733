import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { Channels, type EventOf } from '@sunshine/contracts';
import { eventually, forSuite } from '@sunshine/testing';

import { idNumber, IntakeWorld, petition, type Registered, UNITS } from './support/intake-world';

const ATTACHMENTS = 'tmp/intake-attachments';

// Staff registration on a real intake process, PostgreSQL and Kafka: every channel, case numbers under concurrency,
// bad input, collective visits, corrections, attachments, repeats and skip-level visits.
describe('intake registration', () => {
  const w = forSuite(
    () => IntakeWorld.start({ ATTACHMENT_MAX_BYTES: String(64 * 1024), ATTACHMENT_DIR: ATTACHMENTS }),
    (world) => world.stop(),
  );

  async function register(
    body: Record<string, unknown> = petition(),
    unit: 'countyBureau' | 'cityBureau' = 'countyBureau',
  ): Promise<Registered> {
    const res = await w.call<Registered>('POST', '/petitions', body, unit);
    if (res.status !== 201) throw new Error(`registration answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body;
  }

  it('registers a petition from each channel and emits exactly one petition.registered for it', async () => {
    const byChannel = new Map<string, Registered>();
    for (const channel of Channels) byChannel.set(channel, await register(petition({ channel, petitioner: { name: '李四' } })));
    for (const [channel, r] of byChannel) {
      const events = await w.waitFor(r.caseId, 'petition.registered');
      expect(events).toHaveLength(1);
      expect(events[0]?.payload).toMatchObject({ caseNumber: r.caseNumber, channel, receivingUnitId: UNITS.countyBureau });
    }
    const log = await w.caseLog();
    for (const r of byChannel.values())
      expect(log.filter((e) => e.caseId === r.caseId).map((e) => e.type)).toEqual(['petition.registered']);
  });

  it('folds its own event into the case replica once: when it comes back from the case log, it changes nothing', async () => {
    const r = await register(petition({ channel: 'letter' }));
    const [event] = await w.waitFor(r.caseId, 'petition.registered');
    // Intake's consumer has taken its own event back from the topic (recorded as processed) …
    await eventually(
      async () => ((await w.count('processed_events', 'event_id = $1', [event?.id])) === 1 ? true : undefined),
      30000,
      'intake to consume its own petition.registered',
    );
    // … and the replica still holds it once: one journal entry, revision 1.
    const [row] = await w.sql<{ status: string; case_number: string; revision: number; receiving_unit_id: string }>(
      `SELECT status, case_number, revision, receiving_unit_id FROM intake.case_replica WHERE case_id = $1`,
      [r.caseId],
    );
    expect(row).toEqual({ status: 'registered', case_number: r.caseNumber, revision: 1, receiving_unit_id: UNITS.countyBureau });
    const journal = await w.sql<{ event_id: string; type: string }>(
      `SELECT event_id, type FROM intake.case_replica_events WHERE case_id = $1`,
      [r.caseId],
    );
    expect(journal).toEqual([{ event_id: event?.id, type: 'petition.registered' }]);
    // Intake's own projection table is gone (the replica replaces it).
    const [old] = await w.sql<{ t: string | null }>(`SELECT to_regclass('intake.case_projections')::text AS t`);
    expect(old?.t).toBeNull();
  });

  it('keeps received-at apart from registered-at', async () => {
    const receivedAt = '2025-01-06T02:00:00.000Z';
    // Long ago (more than 365 days): the clerk confirms it (registration-reach.int-spec).
    const r = await register(petition({ channel: 'letter', receivedAt, confirmReceivedAt: true }));
    const [event] = (await w.waitFor(r.caseId, 'petition.registered')) as Array<EventOf<'petition.registered'>>;
    expect(event?.payload.receivedAt).toBe(receivedAt);
    expect(Date.parse(event?.payload.registeredAt ?? '')).toBeGreaterThan(Date.parse(receivedAt));
  });

  it('gives 200 registrations sent truly in parallel 200 distinct, gap-free case numbers', async () => {
    const bodies = Array.from({ length: 200 }, (_, i) =>
      petition({ petitioner: i % 2 === 0 ? { name: `并发${i}`, idNumber: idNumber(1000 + i) } : { name: `并发${i}` } }),
    );
    const token = await w.token('countyBureau');
    // As a client should: a 503 (shed under the burst, nothing stored) is sent again after its Retry-After, under the
    // same Idempotency-Key, so a retry can never register twice. Every petition ends registered once.
    let shed = 0;
    const register = async (body: unknown, key: string): Promise<{ status: number; body: Registered }> => {
      for (;;) {
        const res = await fetch(`${w.url}/petitions`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': key },
          body: JSON.stringify(body),
        });
        if (res.status !== 503) return { status: res.status, body: (await res.json()) as Registered };
        shed += 1;
        expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
        await res.body?.cancel();
        await new Promise((r) => setTimeout(r, Number(res.headers.get('retry-after')) * 1000));
      }
    };
    const answers = await Promise.all(bodies.map((body) => register(body, randomUUID())));
    if (shed > 0) console.info(`200 parallel registrations: ${shed} answers 503 with Retry-After, each sent again`);
    expect(answers.map((a) => a.status)).toEqual(Array(200).fill(201));
    const numbers = answers.map((a) => a.body.caseNumber);
    expect(new Set(numbers).size).toBe(200);
    const seqs = numbers.map((n) => Number(n.split('-')[2])).sort((a, b) => a - b);
    expect((seqs[199] ?? 0) - (seqs[0] ?? 0)).toBe(199);
    // Gap-free across everything this county registered this year, not only this batch.
    const all = (await w.sql<{ case_number: string }>(`SELECT case_number FROM intake.petitions WHERE case_number LIKE '410726-%'`))
      .map((r) => Number(r.case_number.split('-')[2]))
      .sort((a, b) => a - b);
    expect(all).toEqual(all.map((_, i) => i + 1));
    const caseIds = new Set(answers.map((a) => a.body.caseId));
    const published = async () => (await w.caseLog()).filter((e) => e.type === 'petition.registered' && caseIds.has(e.caseId ?? '')).length;
    await eventually(async () => ((await published()) >= 200 ? true : undefined), 30000, '200 petition.registered on the topic');
    expect(await published()).toBe(200);
  });

  it('refuses bad input with a 4xx and the reason, and changes nothing', async () => {
    const tables = ['petitions', 'petitioners', 'dossiers', 'outbox', 'case_replica', 'case_replica_events'];
    const snapshot = async () => ({
      rows: await Promise.all(tables.map((t) => w.count(t))),
      counters: await w.sql(`SELECT scope, year, last FROM intake.case_number_counters ORDER BY scope, year`),
    });
    const before = await snapshot();
    const fields = (body: unknown) =>
      (body as { details?: { fields?: Array<{ field: string }> } }).details?.fields?.map((f) => f.field) ?? [];

    const missing = await w.call('POST', '/petitions', { channel: 'visit', petitioner: { name: '王五' } }, 'countyBureau');
    expect(missing.status).toBe(400);
    // (The place — a code or words — is checked once the rest is well formed: registration-reach.int-spec.)
    expect(fields(missing.body)).toEqual(expect.arrayContaining(['receivedAt', 'type', 'category', 'subject', 'content', 'form']));

    const reps = Array.from({ length: 6 }, (_, i) => ({ name: `代表${i + 1}` }));
    const six = await w.call(
      'POST',
      '/petitions',
      petition({ form: { kind: 'collective', headCount: 40, representatives: reps } }),
      'countyBureau',
    );
    expect(six.status).toBe(400);
    expect(fields(six.body)).toContain('form.representatives');
    expect(JSON.stringify(six.body)).toContain('at most 5 representatives');

    const long = await w.call('POST', '/petitions', petition({ content: '长'.repeat(20001) }), 'countyBureau');
    expect(long.status).toBe(400);
    expect(fields(long.body)).toEqual(['content']);

    // A place the directory does not know is registered as given (有访必录入, registration-reach.int-spec); a code
    // that is no division code at all is bad input.
    const malformedPlace = await w.call<{ code: string }>('POST', '/petitions', petition({ placeCode: '4107' }), 'countyBureau');
    expect(malformedPlace.status).toBe(400);
    expect(fields(malformedPlace.body)).toEqual(['placeCode']);

    const future = await w.call<{ code: string }>(
      'POST',
      '/petitions',
      petition({ receivedAt: new Date(Date.now() + 86400_000).toISOString() }),
      'countyBureau',
    );
    expect(future.status).toBe(422);
    expect(future.body.code).toBe('RECEIVED_IN_FUTURE');

    const anonymousAccusation = await w.call('POST', '/petitions', petition({ type: 'accusation' }), 'countyBureau');
    expect(anonymousAccusation.status).toBe(400);
    expect(fields(anonymousAccusation.body)).toEqual(['accused']);

    const tooFewPeople = await w.call(
      'POST',
      '/petitions',
      petition({ form: { kind: 'collective', headCount: 2, representatives: reps.slice(0, 3) } }),
      'countyBureau',
    );
    expect(tooFewPeople.status).toBe(400);

    expect((await w.call('POST', '/petitions', petition())).status).toBe(401);
    expect(await snapshot()).toEqual(before);
  });

  it('registers a collective visit as one case with its head count and at most 5 representatives', async () => {
    const reps = Array.from({ length: 5 }, (_, i) => ({ name: `代表${i + 1}`, phone: `1390000000${i}` }));
    const r = await register(petition({ form: { kind: 'collective', headCount: 37, representatives: reps } }));
    const [event] = await w.waitFor(r.caseId, 'petition.registered');
    expect(event?.payload.form).toEqual({ kind: 'collective', headCount: 37, representatives: 5 });
    const dossier = await w.call<{ representatives: Array<{ name: string }> }>(
      'GET',
      `/petitions/${r.caseId}/dossier`,
      undefined,
      'countyBureau',
    );
    expect(dossier.status).toBe(200);
    expect(dossier.body.representatives.map((p) => p.name)).toEqual(reps.map((p) => p.name));
  });

  it('corrects registered facts with who and why, as petition.corrected', async () => {
    const r = await register(petition({ channel: 'letter' }));
    const res = await w.call<{ changes: Record<string, unknown> }>(
      'PATCH',
      `/petitions/${r.caseId}`,
      { changes: { category: 'urban-construction', channel: 'letter' }, reason: { code: 'clerical-error', text: '类别录入错误' } },
      'countyBureau',
    );
    expect(res.status).toBe(200);
    expect(res.body.changes).toEqual({ category: 'urban-construction' });
    const [corrected] = await w.waitFor(r.caseId, 'petition.corrected');
    expect(corrected?.payload).toEqual({
      changes: { category: 'urban-construction' },
      reason: { code: 'clerical-error', text: '类别录入错误' },
    });
    expect(corrected?.actor).toEqual({ kind: 'staff', id: 'countyBureau-staff', unitId: UNITS.countyBureau });
    expect(await w.count('corrections', 'case_id = $1', [r.caseId])).toBe(1);

    const same = await w.call<{ code: string }>(
      'PATCH',
      `/petitions/${r.caseId}`,
      { changes: { category: 'urban-construction' }, reason: { code: 'x' } },
      'countyBureau',
    );
    expect(same.status).toBe(422);
    expect(same.body.code).toBe('NO_CHANGE');
    const stranger = await w.call('PATCH', `/petitions/${r.caseId}`, { changes: { category: 'labour' }, reason: { code: 'x' } }, 'housing');
    expect(stranger.status).toBe(404);
    expect(await w.count('corrections', 'case_id = $1', [r.caseId])).toBe(1);
  });

  it('keeps attachments sealed on disk, checks their type and size, and counts them on the registration', async () => {
    const r = await register();
    const token = await w.token('countyBureau');
    const upload = (data: Buffer, name: string, type = 'text/plain') => {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(data)], { type }), name);
      return fetch(`${w.url}/petitions/${r.caseId}/attachments`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
        body: form,
      }).then(async (res) => ({ status: res.status, body: (await res.json()) as { id: string; code?: string; contentType?: string } }));
    };
    const text = Buffer.from('欠条：东屯镇某工地老板欠工资一万二千元。');
    const ok = await upload(text, '欠条.txt');
    expect(ok.status).toBe(201);
    expect(ok.body.contentType).toBe('text/plain');
    const [corrected] = await w.waitFor(r.caseId, 'petition.corrected');
    expect(corrected?.payload).toEqual({ changes: { attachmentCount: 1 }, reason: { code: 'attachment-added' } });

    const onDisk = readFileSync(resolve(__dirname, '../../..', ATTACHMENTS, w.h.schema('intake'), r.caseId, ok.body.id));
    expect(onDisk.includes(text)).toBe(false);
    expect(onDisk.toString('utf8')).not.toContain(text.toString('base64'));
    const download = await fetch(`${w.url}/petitions/${r.caseId}/attachments/${ok.body.id}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(text)).toBe(true);

    const big = await upload(Buffer.alloc(64 * 1024 + 1, 0x41), 'big.txt');
    expect(big.status).toBe(413);
    expect(big.body.code).toBe('ATTACHMENT_TOO_LARGE');
    const exe = await upload(Buffer.from([0x4d, 0x5a, 0x90, 0, 3, 0]), 'scan.pdf', 'application/pdf');
    expect(exe.status).toBe(422);
    expect(exe.body.code).toBe('ATTACHMENT_TYPE');
    expect(await w.count('attachments', 'case_id = $1', [r.caseId])).toBe(1);
    expect((await w.eventsOf(r.caseId)).map((e) => e.type)).toEqual(['petition.registered', 'petition.corrected']);
  });

  it('documents every endpoint in the OpenAPI document and answers unknown routes in the one error shape', async () => {
    const doc = (await (await fetch(`${w.url}/docs-json`)).json()) as { paths: Record<string, Record<string, { summary?: string }>> };
    const expected = [
      'post /petitions',
      'patch /petitions/{caseId}',
      'post /petitions/{caseId}/merge',
      'get /petitions/{caseId}/dossier',
      'post /petitions/{caseId}/attachments',
      'get /petitions/{caseId}/attachments/{attachmentId}',
      'post /petitions/{caseId}/callback-ratings',
      'post /public/petitions',
      'post /public/cases/progress',
      'post /public/cases/ratings',
      'post /public/cases/review-requests',
      'post /public/cases/withdrawal',
      'post /public/cases/attachments',
      'post /public/query-code/recovery',
      'post /public/query-code/reset',
      'get /public/receptions',
      'post /public/receptions/{receptionId}/appointments',
      'post /receptions',
      'get /receptions/{receptionId}/appointments',
    ];
    for (const route of expected) {
      const [method = '', path = ''] = route.split(' ');
      expect([route, doc.paths[path]?.[method]?.summary]).toEqual([route, expect.stringMatching(/\S/)]);
    }
    const unknown = await w.call<{ code: string; message: unknown }>('GET', '/no-such-route', undefined, 'countyBureau');
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toEqual({ zh: expect.any(String), en: expect.any(String) });
  });

  // Last: it restarts intake with a rotated key ring.
  it('rotates the personal-data key: old data still opens, new data is sealed with the new key', async () => {
    const before = await register(petition({ petitioner: { name: '轮换前', phone: '13300133000' } }));
    const old = w.h.intakeKeys;
    await w.h.kill('intake', 'SIGTERM');
    await w.h.start('intake', { PII_KEYS: `${old.PII_KEYS},k2:${randomBytes(32).toString('base64')}`, PII_CURRENT_KEY: 'k2' });
    const after = await register(petition({ petitioner: { name: '轮换后' } }));
    const sealedWith = async (caseId: string) =>
      (
        await w.sql<{ k: string }>(
          `SELECT split_part(name_enc, '.', 2) AS k FROM intake.petitioners WHERE id = (SELECT petitioner_id FROM intake.petitions WHERE case_id = $1)`,
          [caseId],
        )
      )[0]?.k;
    expect([await sealedWith(before.caseId), await sealedWith(after.caseId)]).toEqual(['k1', 'k2']);
    const dossier = await w.call<{ petitioner: { name: string } }>('GET', `/petitions/${before.caseId}/dossier`, undefined, 'countyBureau');
    expect(dossier.body.petitioner.name).toBe('轮换前');
  });
});
