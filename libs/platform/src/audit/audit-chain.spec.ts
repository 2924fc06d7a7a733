import { type AuditFields, auditHash, type AuditRecord, canonicalJson, chainRecord, verifyAuditChain } from './audit-chain';

const fields = (n: number): AuditFields => ({
  kind: 'request',
  subject: `u${n}`,
  unitId: '410726000000:petition-bureau',
  roles: ['clerk'],
  method: 'POST',
  route: '/cases/:id/accept',
  caseId: null,
  status: 201,
  ip: '10.0.0.1',
  userAgent: 'spec',
  detail: { b: 1, a: [n] },
});
const AT = new Date('2026-12-02T08:00:00.000Z');

function chain(alg: 'sha256' | 'sm3', n: number): AuditRecord[] {
  const out: AuditRecord[] = [];
  for (let i = 1; i <= n; i++) out.push(chainRecord(alg, out[out.length - 1], AT, fields(i)));
  return out;
}

describe('the audit hash chain', () => {
  it('serialises with sorted keys whatever order jsonb returns', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { y: 1, x: 0 }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"x":0,"y":1}]},"b":1}');
  });

  it('hashes with SHA-256 or SM3 (64 hex digits each, different)', () => {
    const sha = auditHash('sha256', 'genesis', 1, AT, fields(1));
    const sm3 = auditHash('sm3', 'genesis', 1, AT, fields(1));
    expect(sha).toMatch(/^[0-9a-f]{64}$/);
    expect(sm3).toMatch(/^[0-9a-f]{64}$/);
    expect(sm3).not.toBe(sha);
  });

  it('links each record to the one before and verifies an intact chain', () => {
    const records = chain('sm3', 5);
    expect(records.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(records[0]?.prevHash).toBe('genesis');
    expect(records[3]?.prevHash).toBe(records[2]?.hash);
    expect(verifyAuditChain(records)).toEqual([]);
  });

  it('names an edited, a removed, an inserted and a replaced record', () => {
    const records = chain('sha256', 8);
    const edited = records.map((r) => (r.seq === 2 ? { ...r, status: 500 } : r));
    expect(verifyAuditChain(edited).map((f) => [f.seq, f.problem])).toEqual([[2, 'edited']]);
    expect(verifyAuditChain(records.filter((r) => r.seq !== 5 && r.seq !== 6)).map((f) => [f.seq, f.problem, f.message.en])).toEqual([
      [5, 'removed', 'audit record #5–#6 was removed'],
    ]);
    // A forged #4 whose hash is right for its content: a number held twice, and no later record links to it.
    const third = records[2];
    if (!third) throw new Error('chain too short');
    const forged = chainRecord('sha256', third, new Date('2026-12-02T08:00:00.001Z'), fields(99));
    expect(verifyAuditChain([...records.slice(0, 4), forged, ...records.slice(4)]).map((f) => [f.seq, f.problem])).toEqual([
      [4, 'inserted'],
    ]);
    // #4 replaced by a re-hashed record: #5 no longer follows it.
    const replaced = records.map((r) => (r.seq === 4 ? forged : r));
    expect(verifyAuditChain(replaced).map((f) => [f.seq, f.problem])).toEqual([[5, 'unlinked']]);
  });

  it('continues from the last archived record: its numbers are not missing, and the first live record must follow its hash', () => {
    const records = chain('sha256', 6);
    const third = records[2];
    if (!third) throw new Error('chain too short');
    const live = records.slice(3);
    expect(verifyAuditChain(live, { seq: 3, hash: third.hash })).toEqual([]);
    expect(verifyAuditChain(live, { seq: 3, hash: 'f'.repeat(64) }).map((f) => [f.seq, f.problem])).toEqual([[4, 'unlinked']]);
    expect(verifyAuditChain(records.slice(4), { seq: 3, hash: third.hash }).map((f) => [f.seq, f.problem, f.message.en])).toEqual([
      [4, 'removed', 'audit record #4 was removed'],
    ]);
    expect(verifyAuditChain(live).map((f) => [f.seq, f.problem])).toEqual([[1, 'removed']]);
  });
});
