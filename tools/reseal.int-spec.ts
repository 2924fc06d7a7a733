import { AesGcmFieldCipher, parseKeyRing, sealedKeyOf } from '@sunshine/platform';
import { infraEnv, sql, uniquePrefix } from '@sunshine/testing';

import { type ResealSettings, runReseal, verifyReseal } from './reseal';

const OLD = Buffer.alloc(32, 11).toString('base64');
const NEW = Buffer.alloc(32, 22).toString('base64');

describe('key rotation: the resumable, verifiable re-sealing of a service’s personal data', () => {
  const schema = `${uniquePrefix('rsl')}_intake`;
  const settings: ResealSettings = {
    databaseUrl: infraEnv().databaseUrl,
    schema,
    keys: `k1:${OLD},k2:${NEW}`,
    currentKey: 'k2',
    profile: 'gm',
  };
  const old = new AesGcmFieldCipher(parseKeyRing(`k1:${OLD}`, 'k1'));
  const names = Array.from({ length: 25 }, (_, i) => `信访人${i + 1}`);

  beforeAll(async () => {
    await sql(`CREATE SCHEMA "${schema}"`);
    await sql(`CREATE TABLE "${schema}".petitioners (id int PRIMARY KEY, name_enc text NOT NULL, phone_enc text)`);
    await sql(`CREATE TABLE "${schema}".idempotency_keys (scope text, key text, response_enc text, PRIMARY KEY (scope, key))`);
    for (const [i, name] of names.entries()) {
      await sql(`INSERT INTO "${schema}".petitioners VALUES ($1, $2, $3)`, [
        i + 1,
        old.encrypt(name),
        i % 2 ? null : old.encrypt(`135000000${String(i).padStart(2, '0')}`),
      ]);
    }
    await sql(`INSERT INTO "${schema}".idempotency_keys VALUES ('u1', 'a', $1), ('u1', 'b', $2)`, [
      old.encrypt('{"ok":1}'),
      old.encrypt('{"ok":2}'),
    ]);
  });
  afterAll(() => sql(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`));

  it('re-seals in batches, resumes after an interruption, and verifies', async () => {
    // 13 sealed phone numbers (even ids), 25 names, 2 responses: 40 values in the old key and format.
    expect(await verifyReseal(settings)).toMatchObject({ checked: 40, broken: [] });
    expect((await verifyReseal(settings)).stale).toHaveLength(40);

    // Interrupted after one batch of 10 rows (idempotency_keys comes first in name order: its 2 rows, then 10 petitioners).
    expect(await runReseal(settings, { batch: 10, maxBatches: 2 })).toEqual([
      { table: 'idempotency_keys', resealed: 2, done: true },
      { table: 'petitioners', resealed: 10, done: false },
    ]);
    const progress = await sql<{ table_name: string; last_key: string[]; resealed: string; done: boolean }>(
      `SELECT table_name, last_key, resealed, done FROM "${schema}".crypto_reseal_progress ORDER BY table_name`,
    );
    expect(progress).toEqual([
      { table_name: 'idempotency_keys', last_key: ['u1', 'b'], resealed: '2', done: true },
      { table_name: 'petitioners', last_key: ['10'], resealed: '10', done: false },
    ]);
    // 10 petitioners re-sealed: 10 names, 5 phones; 25 − 10 names + 13 − 5 phones remain.
    expect((await verifyReseal(settings)).stale).toHaveLength(23);

    // The second run resumes at id 11 and finishes.
    expect(await runReseal(settings, { batch: 10 })).toEqual([
      { table: 'idempotency_keys', resealed: 2, done: true },
      { table: 'petitioners', resealed: 25, done: true },
    ]);
    expect(await verifyReseal(settings)).toEqual({ checked: 40, stale: [], broken: [] });

    const rows = await sql<{ id: number; name_enc: string }>(`SELECT id, name_enc FROM "${schema}".petitioners ORDER BY id`);
    expect(rows.map((r) => sealedKeyOf(r.name_enc))).toEqual(names.map(() => ({ format: 'g1', keyId: 'k2' })));
  });

  it('names a value that no longer opens', async () => {
    const [row] = await sql<{ name_enc: string }>(`SELECT name_enc FROM "${schema}".petitioners WHERE id = 7`);
    // Another first character of the ciphertext part (g1.<key>.<iv>.<ciphertext>.<mac>): 6 whole bits changed.
    const parts = (row?.name_enc ?? '').split('.');
    parts[3] = `${parts[3]?.startsWith('A') ? 'B' : 'A'}${parts[3]?.slice(1) ?? ''}`;
    const tampered = parts.join('.');
    await sql(`UPDATE "${schema}".petitioners SET name_enc = $1 WHERE id = 7`, [tampered]);
    const v = await verifyReseal(settings);
    expect(v.broken).toEqual([
      { table: 'petitioners', column: 'name_enc', key: '7', reason: 'sealed value failed its integrity check (HMAC-SM3)' },
    ]);
  });
});
