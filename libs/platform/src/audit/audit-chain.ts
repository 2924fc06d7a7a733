import { createHash } from 'node:crypto';

/** The hash of the audit chain: SHA-256, or SM3 (GB/T 32905) under the 国密 (`gm`) crypto profile. */
export type AuditHashAlgorithm = 'sha256' | 'sm3';

/** The first record's `prev_hash`. */
export const AUDIT_GENESIS = 'genesis';

/** What an audit record says (the columns of `audit_log` but the chain's own). */
export interface AuditFields {
  /** `request` (a state-changing HTTP request), `personal-data-read`, `config-change`, `ops-action`, `anchor`, `sign-in` (the identity provider's login events, imported: KeycloakEventsImporter). */
  readonly kind: AuditKind;
  readonly subject: string | null;
  readonly unitId: string | null;
  readonly roles: readonly string[];
  readonly method: string | null;
  readonly route: string | null;
  readonly caseId: string | null;
  readonly status: number | null;
  readonly ip: string | null;
  readonly userAgent: string | null;
  readonly detail: Readonly<Record<string, unknown>>;
}

/** A record's fields with every one not given empty (null, no roles, no detail): the one place that lists the defaults. */
export function auditFieldsOf(kind: AuditKind, given: Partial<Omit<AuditFields, 'kind'>>): AuditFields {
  return {
    kind,
    subject: null,
    unitId: null,
    roles: [],
    method: null,
    route: null,
    caseId: null,
    status: null,
    ip: null,
    userAgent: null,
    detail: {},
    ...given,
  };
}

export const AuditKinds = ['request', 'personal-data-read', 'config-change', 'ops-action', 'anchor', 'sign-in'] as const;
export type AuditKind = (typeof AuditKinds)[number];

/** One stored record: its fields, its place in the chain and the chain's hashes. */
export interface AuditRecord extends AuditFields {
  readonly seq: number;
  readonly at: Date;
  readonly alg: AuditHashAlgorithm;
  readonly prevHash: string;
  readonly hash: string;
}

/** JSON with object keys sorted at every depth: the same text whatever order jsonb hands the keys back in. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value instanceof Date ? value.toISOString() : value) ?? 'null';
}

/** hash = H(prev_hash ‖ canonical(seq, at, fields)) in lower-case hex. */
export function auditHash(alg: AuditHashAlgorithm, prevHash: string, seq: number, at: Date, f: AuditFields): string {
  const body = canonicalJson([
    seq,
    at.toISOString(),
    f.kind,
    f.subject,
    f.unitId,
    [...f.roles],
    f.method,
    f.route,
    f.caseId,
    f.status,
    f.ip,
    f.userAgent,
    f.detail,
  ]);
  return createHash(alg).update(prevHash, 'utf8').update('\n', 'utf8').update(body, 'utf8').digest('hex');
}

/** Chains `fields` after the record (seq, hash) `after` (undefined: the first record). */
export function chainRecord(
  alg: AuditHashAlgorithm,
  after: { seq: number; hash: string } | undefined,
  at: Date,
  fields: AuditFields,
): AuditRecord {
  const seq = (after?.seq ?? 0) + 1;
  const prevHash = after?.hash ?? AUDIT_GENESIS;
  return { ...fields, seq, at, alg, prevHash, hash: auditHash(alg, prevHash, seq, at, fields) };
}

/** What the verifier found wrong with one record (or a gap before it). */
export interface AuditFinding {
  readonly seq: number;
  /** edited: content ≠ hash; removed: a number missing; inserted: a second record with a number; unlinked: prev_hash
   * is no record's before it (that one was replaced, or this one was put in). */
  readonly problem: 'edited' | 'removed' | 'inserted' | 'unlinked' | 'anchor-mismatch';
  readonly message: { readonly zh: string; readonly en: string };
}

/** A chain's last record: where the records archived away end (`npm run audit -- archive`) and the live ones go on. */
export interface AuditChainHead {
  readonly seq: number;
  readonly hash: string;
}

/**
 * Checks a chain read in `seq` order: each record's hash recomputed (edited), consecutive numbers (a gap: removed), a
 * number held twice (the one no later record links to: inserted), each `prev_hash` the hash of a record numbered one
 * less (unlinked), and each anchor naming the hash its anchored record has. Names every record at fault. `after`: the
 * last archived record, which the first live one must follow (numbers before it are not missing, they are archived).
 */
export function verifyAuditChain(records: readonly AuditRecord[], after?: AuditChainHead): AuditFinding[] {
  const findings: AuditFinding[] = [];
  const bySeq = new Map<number, AuditRecord[]>();
  for (const r of records) bySeq.set(r.seq, [...(bySeq.get(r.seq) ?? []), r]);
  const linkedTo = new Set(records.map((r) => r.prevHash));
  let previousSeq = after?.seq ?? 0;
  for (const [seq, group] of bySeq) {
    if (seq > previousSeq + 1) {
      const missing = seq - 1 === previousSeq + 1 ? `#${previousSeq + 1}` : `#${previousSeq + 1}–#${seq - 1}`;
      findings.push({
        seq: previousSeq + 1,
        problem: 'removed',
        message: { zh: `审计记录 ${missing} 被删除`, en: `audit record ${missing} was removed` },
      });
    }
    previousSeq = seq;
    const genuine = group.length === 1 ? group[0] : (group.find((r) => linkedTo.has(r.hash)) ?? group[0]);
    for (const r of group) {
      if (auditHash(r.alg, r.prevHash, r.seq, r.at, r) !== r.hash) {
        findings.push({
          seq,
          problem: 'edited',
          message: {
            zh: `审计记录 #${seq} 被篡改（内容与哈希不符）`,
            en: `audit record #${seq} was edited (its hash does not match its content)`,
          },
        });
      }
      if (r !== genuine) {
        findings.push({
          seq,
          problem: 'inserted',
          message: { zh: `审计记录 #${seq} 重复：有一条为插入的记录`, en: `audit record #${seq} appears twice: one was inserted` },
        });
        continue;
      }
      const before = bySeq.get(seq - 1);
      const links =
        seq === 1
          ? r.prevHash === AUDIT_GENESIS
          : before !== undefined
            ? before.some((b) => b.hash === r.prevHash)
            : after === undefined || seq !== after.seq + 1 || r.prevHash === after.hash;
      if (!links) {
        findings.push({
          seq,
          problem: 'unlinked',
          message: {
            zh: `审计记录 #${seq} 与前一条不接续：前一条被替换，或本条为插入`,
            en: `audit record #${seq} does not follow the one before it: that one was replaced, or this one inserted`,
          },
        });
      }
      if (r.kind === 'anchor') {
        const anchoredSeq = Number(r.detail['anchoredSeq']);
        const anchored = bySeq.get(anchoredSeq);
        if (anchored && !anchored.some((a) => a.hash === r.detail['anchoredHash'])) {
          findings.push({
            seq,
            problem: 'anchor-mismatch',
            message: { zh: `锚点 #${seq} 与记录 #${anchoredSeq} 的哈希不符`, en: `anchor #${seq} does not match record #${anchoredSeq}` },
          });
        }
      }
    }
  }
  return findings;
}
