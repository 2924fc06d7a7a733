import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { createFieldCipher, parseKeyRing } from '@sunshine/platform';
import { eventually, forSuite, infraEnv } from '@sunshine/testing';
import { Client } from 'pg';

import { LocalDiskAttachmentStore } from '../src/dossier/local-disk-attachment.store';
import { DEIDENTIFIED, deidentifyExpiredCases } from '../src/retention/pii-retention';
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
  });
});
