import { createHash } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock, DomainException, type FieldCipher } from '@sunshine/platform';
import type { DataSource, EntityManager } from 'typeorm';

import { FIELD_CIPHER } from '../crypto/crypto.module';

/** A request sent with an `Idempotency-Key`: who sent it (the key's scope), the key, and the body it must match. */
export interface IdempotentRequest {
  /** `staff:<unit>:<subject>` for staff, `public` for citizens. */
  readonly scope: string;
  readonly key: string;
  readonly body: unknown;
}

/**
 * `Idempotency-Key`: the same key with the same body gets the first answer; the same key with another body 409
 * IDEMPOTENCY_KEY_REUSED. The key is claimed in the transaction that does the work and its answer is kept (sealed: it
 * may hold a query code) in the same transaction, so a request sent twice, even at once, makes one case: the second
 * waits on the first's claim and then reads its answer; a failed first attempt leaves no claim behind. The answer's
 * case (`caseId`) is kept beside it: the case's de-identification deletes the answer (retention/pii-retention.ts).
 */
@Injectable()
export class IdempotencyService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    @Inject(FIELD_CIPHER) private readonly cipher: FieldCipher,
  ) {}

  /** Runs `work` in one transaction, once per key (no key: every time). */
  once<T>(request: IdempotentRequest | null, work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (m) => {
      if (!request) return work(m);
      const hash = requestHash(request.body);
      const claimed = await m.query<Array<{ key: string }>>(
        `INSERT INTO idempotency_keys (scope, key, request_hash, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING key`,
        [request.scope, request.key, hash, this.clock.now()],
      );
      if (claimed.length === 0) return this.replay<T>(m, request, hash);
      const answer = await work(m);
      await m.query(`UPDATE idempotency_keys SET response_enc = $3, case_id = $4 WHERE scope = $1 AND key = $2`, [
        request.scope,
        request.key,
        this.cipher.encrypt(JSON.stringify(answer)),
        caseOf(answer),
      ]);
      return answer;
    });
  }

  private async replay<T>(m: EntityManager, request: IdempotentRequest, hash: string): Promise<T> {
    const [row] = await m.query<Array<{ request_hash: string; response_enc: string | null }>>(
      `SELECT request_hash, response_enc FROM idempotency_keys WHERE scope = $1 AND key = $2`,
      [request.scope, request.key],
    );
    if (!row || row.request_hash !== hash || row.response_enc === null) {
      throw new DomainException('IDEMPOTENCY_KEY_REUSED', 'conflict', {
        zh: '该幂等键已用于内容不同的请求，请为新请求使用新的 Idempotency-Key',
        en: 'this Idempotency-Key was used for a different request: send a new key with a new request',
      });
    }
    return JSON.parse(this.cipher.decrypt(row.response_enc)) as T;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The case an answer names (`caseId`), kept beside it so de-identifying the case deletes the answer (PIPL retention). */
export function caseOf(answer: unknown): string | null {
  const caseId = answer !== null && typeof answer === 'object' ? (answer as { caseId?: unknown }).caseId : undefined;
  return typeof caseId === 'string' && UUID.test(caseId) ? caseId : null;
}

/** sha-256 of the body as canonical JSON (keys sorted), so the same body in another key order is the same request. */
export function requestHash(body: unknown): string {
  return createHash('sha256').update(canonicalJson(body)).digest('base64url');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
