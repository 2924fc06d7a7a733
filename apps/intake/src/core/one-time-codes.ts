import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '@sunshine/platform';
import type { EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';

import { INTAKE_CONFIG, type IntakeConfig } from '../intake-config';

/** What a kind of one-time code is: its table (query-code recovery, identity verification), its purpose and lifetime. */
export interface OneTimeCodeKind {
  readonly table: 'query_code_recoveries' | 'identity_verifications';
  /** Mixed into the code's hash, so a code of one purpose never answers another. */
  readonly purpose: 'recovery' | 'identity';
  readonly ttlMs: number;
}

/** Codes a case may receive within an hour, and wrong answers a code survives. */
const MAX_CODES_PER_HOUR = 3;
const MAX_ATTEMPTS = 5;
const HOUR_MS = 3_600_000;

/**
 * One-time codes sent to a petitioner's phone: six digits, stored only as a keyed hash with an expiry, at most three a
 * case an hour, five wrong answers each, single use, compared in constant time. Query-code recovery and identity
 * verification both use them.
 */
@Injectable()
export class OneTimeCodes {
  constructor(
    private readonly clock: Clock,
    @Inject(INTAKE_CONFIG) private readonly config: IntakeConfig,
  ) {}

  /** A new code for the case (its extra columns beside), or null when the case had its hour's share already. */
  async issue(
    m: EntityManager,
    kind: OneTimeCodeKind,
    caseId: string,
    extra: Readonly<Record<string, unknown>> = {},
  ): Promise<string | null> {
    const now = this.clock.now();
    const [recent] = await m.query<Array<{ n: string }>>(`SELECT count(*) AS n FROM ${kind.table} WHERE case_id = $1 AND created_at > $2`, [
      caseId,
      new Date(now.getTime() - HOUR_MS),
    ]);
    if (Number(recent?.n ?? 0) >= MAX_CODES_PER_HOUR) return null;
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const columns = ['id', 'case_id', 'otp_hash', 'expires_at', 'created_at', ...Object.keys(extra)];
    const values = [uuidv7(), caseId, this.hash(kind, caseId, code), new Date(now.getTime() + kind.ttlMs), now, ...Object.values(extra)];
    await m.query(`INSERT INTO ${kind.table} (${columns.join(', ')}) VALUES (${values.map((_, i) => `$${i + 1}`).join(', ')})`, values);
    return code;
  }

  /** Whether `code` answers the case's latest pending code; a wrong answer is counted, a right one uses the code up. */
  async redeem(m: EntityManager, kind: OneTimeCodeKind, caseId: string, code: string): Promise<boolean> {
    const now = this.clock.now();
    const [pending] = await m.query<Array<{ id: string; otp_hash: string; attempts: number }>>(
      `SELECT id, otp_hash, attempts FROM ${kind.table} WHERE case_id = $1 AND used_at IS NULL AND expires_at > $2
       ORDER BY created_at DESC LIMIT 1 FOR UPDATE`,
      [caseId, now],
    );
    if (!pending || pending.attempts >= MAX_ATTEMPTS) return false;
    if (!sameHash(pending.otp_hash, this.hash(kind, caseId, code))) {
      await m.query(`UPDATE ${kind.table} SET attempts = attempts + 1 WHERE id = $1`, [pending.id]);
      return false;
    }
    await m.query(`UPDATE ${kind.table} SET used_at = $2 WHERE id = $1`, [pending.id, now]);
    return true;
  }

  private hash(kind: OneTimeCodeKind, caseId: string, code: string): string {
    return createHmac('sha256', this.config.blindIndexKey).update(`${kind.purpose}|${caseId}|${code}`).digest('base64url');
  }
}

function sameHash(expected: string, given: string): boolean {
  const [a, b] = [Buffer.from(expected), Buffer.from(given)];
  return a.length === b.length && timingSafeEqual(a, b);
}
