import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { retentionSchedule } from '@sunshine/domain';
import { createFieldCipher, parseKeyRing, runRetention } from '@sunshine/platform';
import { eventually, forSuite, infraEnv } from '@sunshine/testing';
import { Client } from 'pg';

import { LocalDiskAttachmentStore } from '../src/dossier/local-disk-attachment.store';
import { DEIDENTIFIED, deidentifyExpiredCases, intakeRetentionSteps } from '../src/retention/pii-retention';
import { IntakeWorld, petition, type Registered, UNITS } from './support/intake-world';

const DAY = 86_400_000;
const ATTACHMENTS = resolve(__dirname, '../../..', '.local/intake-attachments');

// 个人信息保存期限 (PIPL Art 19, 47): the personal data of cases closed, finalized or withdrawn for the retention period
// is de-identified; the statistics stay; a petitioner's details go once none of their cases keeps personal data.
describe('PIPL retention: de-identifying the personal data of cases terminal past the retention period', () => {
  const w = forSuite(
    () => IntakeWorld.start(),
    (world) => world.stop(),
  );
  const dbs: Client[] = [];

  afterAll(async () => {
    for (const db of dbs) await db.end();
  });

  async function register(body: Record<string, unknown>): Promise<Registered> {
    const res = await w.call<Registered>('POST', '/petitions', body, 'countyBureau');
    if (res.status !== 201) throw new Error(`registration answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body;
  }

  async function close(caseId: string, at: Date): Promise<void> {
    const closed = await w.produce(
      caseId,
      'case.closed',
      { unitId: UNITS.countyBureau, reason: { code: 'window-passed', text: '未申请复查' } },
      at,
    );
    await eventually(
      async () => {
        const [row] = await w.sql<{ status: string; state: { lastEventId: string } }>(
          `SELECT status, state FROM intake.case_replica WHERE case_id = $1`,
          [caseId],
        );
        return row?.state.lastEventId === closed.id ? row.status : undefined;
      },
      30000,
      'the closing in intake’s case replica',
    );
  }

  const dossier = (caseId: string) =>
    w.call<{ subject?: string; content?: string; petitioner?: { name?: string; phone?: string | null } }>(
      'GET',
      `/petitions/${caseId}/dossier`,
      undefined,
      'countyBureau',
    );

  let closedLongAgo = '';
  let stillOpen = '';

  it('de-identifies the cases closed 365 days or more ago, keeps their statistics, and the petitioner’s details only when none of their cases needs them', async () => {
    const now = new Date();
    const alone = await register(
      petition({ petitioner: { name: '甲独一', idNumber: '410726198001010011', phone: '13500000011', address: '延津县东屯镇一街1号' } }),
    );
    const twiceOld = await register(
      petition({ petitioner: { name: '乙两案', idNumber: '410726198001010022', phone: '13500000022', address: '延津县东屯镇二街2号' } }),
    );
    const twiceOpen = await register(
      petition({
        subject: '道路积水',
        content: '东屯镇二街雨后积水严重，请求疏通排水。',
        category: 'other',
        petitioner: { name: '乙两案', idNumber: '410726198001010022', phone: '13500000022', address: '延津县东屯镇二街2号' },
      }),
    );
    const recent = await register(
      petition({ petitioner: { name: '丙近结', idNumber: '410726198001010033', phone: '13500000033', address: '延津县东屯镇三街3号' } }),
    );
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(Buffer.from('甲独一的欠条'))], { type: 'text/plain' }), '欠条.txt');
    const upload = await fetch(`${w.url}/petitions/${alone.caseId}/attachments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await w.token('countyBureau')}` },
      body: form,
    });
    expect(upload.status).toBe(201);
    const [stored] = await w.sql<{ storage_key: string }>(`SELECT storage_key FROM intake.attachments WHERE case_id = $1`, [alone.caseId]);
    const file = join(ATTACHMENTS, w.h.schema('intake'), stored?.storage_key ?? 'none');
    expect(existsSync(file)).toBe(true);
    await close(alone.caseId, new Date(now.getTime() - 400 * DAY));
    await close(twiceOld.caseId, new Date(now.getTime() - 366 * DAY));
    await close(recent.caseId, new Date(now.getTime() - 364 * DAY));

    const db = new Client({ connectionString: infraEnv().databaseUrl, options: `-c search_path=${w.h.schema('intake')}` });
    await db.connect();
    dbs.push(db);
    const cipher = createFieldCipher('standard', parseKeyRing(w.h.intakeKeys.PII_KEYS, w.h.intakeKeys.PII_CURRENT_KEY));
    const store = new LocalDiskAttachmentStore(ATTACHMENTS, w.h.schema('intake'));
    const run = await deidentifyExpiredCases(db, cipher, store, now, 365);
    expect(run).toEqual({ cases: [alone.caseId, twiceOld.caseId], petitioners: 1 });

    // The de-identified dossiers read as such; the others are unchanged.
    expect((await dossier(alone.caseId)).body).toMatchObject({
      subject: DEIDENTIFIED,
      content: DEIDENTIFIED,
      petitioner: { name: DEIDENTIFIED },
    });
    expect((await dossier(twiceOld.caseId)).body).toMatchObject({
      subject: DEIDENTIFIED,
      content: DEIDENTIFIED,
      petitioner: { name: '乙两案' },
    });
    expect((await dossier(twiceOpen.caseId)).body).toMatchObject({
      subject: '道路积水',
      petitioner: { name: '乙两案', phone: '135****0022' },
    });
    expect((await dossier(recent.caseId)).body).toMatchObject({ subject: '拖欠农民工工资', petitioner: { name: '丙近结' } });

    // The attachment is gone, bytes and row.
    expect(existsSync(file)).toBe(false);
    expect(await w.count('attachments', 'case_id = $1', [alone.caseId])).toBe(0);

    // The lone petitioner has no identifying value left, their blind index included; the one with an open case keeps theirs.
    const people = await w.sql<{
      name_enc: string;
      id_number_enc: string | null;
      phone_enc: string | null;
      address_enc: string | null;
      id_blind_index: string | null;
    }>(
      `SELECT pr.name_enc, pr.id_number_enc, pr.phone_enc, pr.address_enc, pr.id_blind_index FROM intake.petitioners pr JOIN intake.petitions p ON p.petitioner_id = pr.id WHERE p.case_id = $1`,
      [alone.caseId],
    );
    expect(people.map((p) => [cipher.decrypt(p.name_enc), p.id_number_enc, p.phone_enc, p.address_enc, p.id_blind_index])).toEqual([
      [DEIDENTIFIED, null, null, null, null],
    ]);
    const kept = await w.sql<{ id_blind_index: string | null }>(
      `SELECT pr.id_blind_index FROM intake.petitioners pr JOIN intake.petitions p ON p.petitioner_id = pr.id WHERE p.case_id = $1`,
      [twiceOpen.caseId],
    );
    expect(kept[0]?.id_blind_index).not.toBeNull();

    // The statistics stay: the petition's category, type, place and channel, the replica's status.
    const stats = await w.sql<{ category: string; type: string; place_code: string; channel: string; status: string }>(
      `SELECT p.category, p.type, p.place_code, p.channel, r.status FROM intake.petitions p JOIN intake.case_replica r ON r.case_id = p.case_id WHERE p.case_id = $1`,
      [alone.caseId],
    );
    expect(stats).toEqual([{ category: 'labour', type: 'claim', place_code: '410726101000', channel: 'visit', status: 'closed' }]);
    expect(await w.count('pii_deidentified', 'petitioner_erased')).toBe(1);

    // A second run takes nothing again.
    expect(await deidentifyExpiredCases(db, cipher, store, now, 365)).toEqual({ cases: [], petitioners: 0 });
    closedLongAgo = alone.caseId;
    stillOpen = twiceOpen.caseId;
  });

  it('erases appointments, receptions and 12345 orders after their own periods, in the same run, once', async () => {
    const now = new Date();
    const ago = (days: number) => new Date(now.getTime() - days * DAY);
    const db = new Client({ connectionString: infraEnv().databaseUrl, options: `-c search_path=${w.h.schema('intake')}` });
    await db.connect();
    dbs.push(db);
    const cipher = createFieldCipher('standard', parseKeyRing(w.h.intakeKeys.PII_KEYS, w.h.intakeKeys.PII_CURRENT_KEY));
    const store = new LocalDiskAttachmentStore(ATTACHMENTS, w.h.schema('intake'));
    const reception = async (id: string, endedDaysAgo: number) =>
      db.query(
        `INSERT INTO receptions (id, unit_id, leader_ref, leader_name, leader_title, starts_at, ends_at, place, capacity, created_by, created_at)
         VALUES ($1, $2, 'leader-1', '王县长', '县长', $3, $4, '县信访局接待室', 10, 'test', $3)`,
        [id, UNITS.countyBureau, ago(endedDaysAgo + 0.1), ago(endedDaysAgo)],
      );
    const appointment = async (id: string, receptionId: string, caseId: string | null) =>
      db.query(
        `INSERT INTO appointments (id, reception_id, number, name_enc, phone_enc, subject_enc, case_id, created_at, person_index, client_key)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'client-hash')`,
        [
          id,
          receptionId,
          `YY-${id.slice(-4)}`,
          cipher.encrypt('辛预约'),
          cipher.encrypt('13500000088'),
          cipher.encrypt('土地纠纷'),
          caseId,
          now,
          `person-${id.slice(-4)}`,
        ],
      );
    const old = '00000000-0000-4000-8000-00000000a001';
    const mid = '00000000-0000-4000-8000-00000000a002';
    const recent = '00000000-0000-4000-8000-00000000a003';
    await reception(old, 400);
    await reception(mid, 200);
    await reception(recent, 100);
    await appointment('00000000-0000-4000-8000-00000000b001', old, null);
    await appointment('00000000-0000-4000-8000-00000000b002', mid, null);
    await appointment('00000000-0000-4000-8000-00000000b003', mid, stillOpen);
    await appointment('00000000-0000-4000-8000-00000000b004', recent, null);
    const system = '00000000-0000-4000-8000-00000000c001';
    await db.query(
      `INSERT INTO hotline_systems (id, name, key_hash, callback_url, callback_secret_enc, created_at, created_by) VALUES ($1, '12345', 'hash', 'http://127.0.0.1:9/feedback', $2, $3, 'test')`,
      [system, cipher.encrypt('secret'), now],
    );
    for (const [caseId, orderNo] of [
      [closedLongAgo, 'GD20250001'],
      [stillOpen, 'GD20250002'],
    ] as const) {
      await db.query(`INSERT INTO hotline_orders (case_id, system_id, order_no, received_at) VALUES ($1, $2, $3, $4)`, [
        caseId,
        system,
        orderNo,
        ago(500),
      ]);
    }
    await db.query(
      `INSERT INTO hotline_feedback (event_id, case_id, body, created_at, next_attempt_at, delivered_at) VALUES ($1, $2, $3, $4, $4, $4)`,
      ['00000000-0000-4000-8000-00000000d001', closedLongAgo, JSON.stringify({ orderNo: 'GD20250001', result: 'closed' }), ago(400)],
    );

    // The 12345 system's kept visit answers, keyed by order number and visit.
    for (const key of ['GD20250001/visit-1', 'GD20250002/visit-1'])
      await db.query(`INSERT INTO idempotency_keys (scope, key, request_hash, response_enc, created_at) VALUES ($1, $2, 'hash', $3, $4)`, [
        `hotline-visit:${system}`,
        key,
        cipher.encrypt('{"orderNo":"GD"}'),
        now,
      ]);

    const schedule = retentionSchedule({ case: 365, appointment: 180, reception: 365, 'hotline-order': 365 });
    const taken = await runRetention(intakeRetentionSteps(db, cipher, store), schedule, now);
    expect(Object.fromEntries(taken)).toEqual({ case: 0, appointment: 2, reception: 1, 'hotline-order': 1 });

    const appointments = await w.sql<{ id: string; name_enc: string; phone_enc: string; person_index: string | null; erased: boolean }>(
      `SELECT id, name_enc, phone_enc, person_index, erased_at IS NOT NULL AS erased FROM intake.appointments ORDER BY id`,
    );
    expect(
      appointments.map((a) => [a.id.slice(-4), cipher.decrypt(a.name_enc), cipher.decrypt(a.phone_enc), a.person_index, a.erased]),
    ).toEqual([
      ['b001', DEIDENTIFIED, DEIDENTIFIED, null, true],
      ['b002', DEIDENTIFIED, DEIDENTIFIED, null, true],
      ['b003', '辛预约', '13500000088', 'person-b003', false],
      ['b004', '辛预约', '13500000088', 'person-b004', false],
    ]);
    expect(await w.sql(`SELECT leader_name, leader_ref, place FROM intake.receptions ORDER BY id`)).toEqual([
      { leader_name: DEIDENTIFIED, leader_ref: 'leader-1', place: '县信访局接待室' },
      { leader_name: '王县长', leader_ref: 'leader-1', place: '县信访局接待室' },
      { leader_name: '王县长', leader_ref: 'leader-1', place: '县信访局接待室' },
    ]);
    expect(await w.sql(`SELECT order_no FROM intake.hotline_orders ORDER BY order_no`)).toEqual([
      { order_no: 'GD20250002' },
      { order_no: `${DEIDENTIFIED}${closedLongAgo}` },
    ]);
    expect(await w.sql(`SELECT body FROM intake.hotline_feedback WHERE case_id = $1`, [closedLongAgo])).toEqual([
      { body: { orderNo: `${DEIDENTIFIED}${closedLongAgo}`, result: 'closed' } },
    ]);
    expect(await w.sql(`SELECT key FROM intake.idempotency_keys WHERE scope LIKE 'hotline-visit:%' ORDER BY key`)).toEqual([
      { key: 'GD20250002/visit-1' },
    ]);

    // A second run takes nothing again.
    expect(Object.fromEntries(await runRetention(intakeRetentionSteps(db, cipher, store), schedule, now))).toEqual({
      case: 0,
      appointment: 0,
      reception: 0,
      'hotline-order': 0,
    });
  });

  it('clears with the case what else holds the person: Open311 contact, one-time codes, wrong-code counts, kept answers; the case stays', async () => {
    const now = new Date();
    const send = (key: string, name: string, n: string) =>
      w.callFrom<Registered>('127.0.0.1', 'POST', '/petitions', {
        body: petition({ petitioner: { name, idNumber: `4107261980010100${n}`, phone: `135000000${n}`, address: '延津县东屯镇五街5号' } }),
        unit: 'countyBureau',
        headers: { 'Idempotency-Key': key },
      });
    const gone = await send('0190a6b2-7c3e-7a1b-8c2d-00000000e001', '丁去标', '55');
    const kept = await send('0190a6b2-7c3e-7a1b-8c2d-00000000e002', '戊仍办', '66');
    expect([gone.status, kept.status]).toEqual([201, 201]);
    const cases = [gone.body.caseId, kept.body.caseId];
    // The kept answers name their case.
    expect(
      await w.sql(`SELECT key, case_id FROM intake.idempotency_keys WHERE key LIKE '0190a6b2-7c3e-7a1b-8c2d-00000000e00%' ORDER BY key`),
    ).toEqual([
      { key: '0190a6b2-7c3e-7a1b-8c2d-00000000e001', case_id: gone.body.caseId },
      { key: '0190a6b2-7c3e-7a1b-8c2d-00000000e002', case_id: kept.body.caseId },
    ]);

    const db = new Client({ connectionString: infraEnv().databaseUrl, options: `-c search_path=${w.h.schema('intake')}` });
    await db.connect();
    dbs.push(db);
    const cipher = createFieldCipher('standard', parseKeyRing(w.h.intakeKeys.PII_KEYS, w.h.intakeKeys.PII_CURRENT_KEY));
    const client = '00000000-0000-4000-8000-00000000f001';
    await db.query(
      `INSERT INTO open311_clients (id, name, key_hash, jurisdiction_id, created_at, created_by) VALUES ($1, '随手拍', 'key-hash-f001', 'xinxiang', $2, 'test')`,
      [client, now],
    );
    for (const [i, caseId] of cases.entries()) {
      await db.query(
        `INSERT INTO open311_requests (case_id, client_id, token, service_code, requested_at, address_string, lat, long, email_enc, device_id, account_id)
         VALUES ($1, $2, $3, 'labour', $4, '东屯镇五街5号', 35.27, 114.2, $5, 'device-7', 'account-7')`,
        [caseId, client, `token-f00${i}`, now, cipher.encrypt('reporter@example.cn')],
      );
      await db.query(
        `INSERT INTO identity_verifications (id, case_id, otp_hash, expires_at, created_at) VALUES (gen_random_uuid(), $1, 'otp-hash', $2, $2)`,
        [caseId, now],
      );
      await db.query(
        `INSERT INTO query_code_recoveries (id, case_id, otp_hash, expires_at, created_at) VALUES (gen_random_uuid(), $1, 'otp-hash', $2, $2)`,
        [caseId, now],
      );
    }
    for (const r of [gone, kept])
      await db.query(`INSERT INTO query_failures (case_number, client_key, kind, at) VALUES ($1, 'client-hash', 'query-code', $2)`, [
        r.body.caseNumber,
        now,
      ]);
    await close(gone.body.caseId, new Date(now.getTime() - 400 * DAY));

    const store = new LocalDiskAttachmentStore(ATTACHMENTS, w.h.schema('intake'));
    expect(await deidentifyExpiredCases(db, cipher, store, now, 365)).toEqual({ cases: [gone.body.caseId], petitioners: 1 });

    const open311 = await w.sql(
      `SELECT case_id, token, service_code, address_string, lat, long, email_enc, device_id, account_id FROM intake.open311_requests WHERE client_id = $1 ORDER BY token`,
      [client],
    );
    expect(open311).toEqual([
      {
        case_id: gone.body.caseId,
        token: 'token-f000',
        service_code: 'labour',
        address_string: null,
        lat: null,
        long: null,
        email_enc: null,
        device_id: null,
        account_id: null,
      },
      expect.objectContaining({ case_id: kept.body.caseId, token: 'token-f001', address_string: '东屯镇五街5号', device_id: 'device-7' }),
    ]);
    const left = async (table: string) =>
      (await w.sql<{ case_id: string }>(`SELECT case_id FROM intake.${table} WHERE case_id = ANY($1) ORDER BY case_id`, [cases])).map(
        (r) => r.case_id,
      );
    expect(await left('identity_verifications')).toEqual([kept.body.caseId]);
    expect(await left('query_code_recoveries')).toEqual([kept.body.caseId]);
    expect(await left('idempotency_keys')).toEqual([kept.body.caseId]);
    expect(
      await w.sql(`SELECT case_number FROM intake.query_failures WHERE case_number = ANY($1)`, [
        [gone.body.caseNumber, kept.body.caseNumber],
      ]),
    ).toEqual([{ case_number: kept.body.caseNumber }]);

    // The case itself stays: its petition, its number and status, and the record of its de-identification.
    expect(
      await w.sql(
        `SELECT p.case_number, r.status, d.petitioner_erased FROM intake.petitions p JOIN intake.case_replica r ON r.case_id = p.case_id JOIN intake.pii_deidentified d ON d.case_id = p.case_id WHERE p.case_id = $1`,
        [gone.body.caseId],
      ),
    ).toEqual([{ case_number: gone.body.caseNumber, status: 'closed', petitioner_erased: true }]);
  });
});
