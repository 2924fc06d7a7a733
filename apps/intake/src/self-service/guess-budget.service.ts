import { createHmac } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';

import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock, DomainException } from '@sunshine/platform';
import type { DataSource } from 'typeorm';

import type { CitizenClient } from '../http/citizen-client.decorator';
import { INTAKE_CONFIG, type IntakeConfig } from '../intake-config';

/** What a citizen got wrong. */
export type GuessKind = 'query-code' | 'recovery-code' | 'identity-code';

const MINUTE = 60_000;
/** A client's wrong answers count for a day; past the limit it waits 15 minutes, doubling with each further one. */
const CLIENT_WINDOW_MS = 24 * 60 * MINUTE;
const BACKOFF_BASE_MS = 15 * MINUTE;
const BACKOFF_MAX_MS = 24 * 60 * MINUTE;
/** Wrong answers on one case number within this window slow every attempt on it (never lock it). */
const CASE_WINDOW_MS = 15 * MINUTE;
/** Recovery requests a client may send per hour, whatever they matched. */
const RECOVERY_WINDOW_MS = 60 * MINUTE;

/**
 * Budgets for guessing (issue 17, door 10): lock the guesser, not the case. Each client (a keyed hash of its address)
 * may give QUERY_FAILURE_LIMIT wrong answers; then it waits, 15 minutes doubling with each further wrong answer within a
 * day (429 QUERY_LOCKED with the instant it may try again). A case number with that many wrong answers within 15
 * minutes, from any clients, answers every attempt (right or wrong, existing or not) only after QUERY_CASE_SLOWDOWN_MS:
 * guessing is slowed, and the petitioner with the right code still gets in. Recovery requests have a budget of their
 * own per client (QUERY_FAILURE_LIMIT an hour, 429 RECOVERY_LIMITED), counted alike whatever they matched and never for
 * the case, so no counter tells whether a phone is the registered one.
 */
@Injectable()
export class GuessBudgetService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    @Inject(INTAKE_CONFIG) private readonly config: IntakeConfig,
  ) {}

  /** Before checking an answer: 429 when the client is locked; a pause when the case number is being guessed at. */
  async admit(client: CitizenClient, caseNumber: string | null): Promise<void> {
    await this.assertClientNotLocked(client);
    if (caseNumber !== null && (await this.caseFailures(caseNumber)) >= this.config.queryFailureLimit)
      await sleep(this.config.caseSlowdownMs);
  }

  /** Counts a wrong answer; outside any transaction, so it counts though the request fails. */
  async fail(client: CitizenClient, caseNumber: string, kind: GuessKind): Promise<void> {
    await this.insert(client, caseNumber, kind);
  }

  /** A recovery request, counted for its client whatever it matched: 429 RECOVERY_LIMITED past the hour's budget. */
  async admitRecovery(client: CitizenClient): Promise<void> {
    const now = this.clock.now().getTime();
    const [row] = await this.dataSource.query<Array<{ n: string; first: Date | null }>>(
      `SELECT count(*) AS n, min(at) AS first FROM query_failures WHERE client_key = $1 AND kind = 'recovery' AND at > $2`,
      [this.clientKey(client), new Date(now - RECOVERY_WINDOW_MS)],
    );
    if (Number(row?.n ?? 0) >= this.config.queryFailureLimit && row?.first) {
      const until = new Date(row.first).getTime() + RECOVERY_WINDOW_MS;
      throw new DomainException(
        'RECOVERY_LIMITED',
        'rate-limited',
        {
          zh: `本终端找回查询码次数过多，请${Math.ceil((until - now) / MINUTE)}分钟后再试`,
          en: `too many recovery requests from this client: try again in ${Math.ceil((until - now) / MINUTE)} minutes`,
        },
        { retryAt: new Date(until).toISOString() },
      );
    }
    await this.insert(client, null, 'recovery');
  }

  private async insert(client: CitizenClient, caseNumber: string | null, kind: GuessKind | 'recovery'): Promise<void> {
    await this.dataSource.query(`INSERT INTO query_failures (case_number, client_key, kind, at) VALUES ($1, $2, $3, $4)`, [
      caseNumber,
      this.clientKey(client),
      kind,
      this.clock.now(),
    ]);
  }

  private async assertClientNotLocked(client: CitizenClient): Promise<void> {
    const now = this.clock.now().getTime();
    const [row] = await this.dataSource.query<Array<{ n: string; last: Date | null }>>(
      `SELECT count(*) AS n, max(at) AS last FROM query_failures WHERE client_key = $1 AND kind <> 'recovery' AND at > $2`,
      [this.clientKey(client), new Date(now - CLIENT_WINDOW_MS)],
    );
    const over = Number(row?.n ?? 0) - this.config.queryFailureLimit;
    if (over < 0 || !row?.last) return;
    const until = new Date(row.last).getTime() + Math.min(BACKOFF_BASE_MS * 2 ** Math.min(over, 10), BACKOFF_MAX_MS);
    if (now >= until) return;
    const minutes = Math.ceil((until - now) / MINUTE);
    throw new DomainException(
      'QUERY_LOCKED',
      'rate-limited',
      {
        zh: `本终端错误次数过多，请${minutes}分钟后再试`,
        en: `too many wrong answers from this client: try again in ${minutes} minutes`,
      },
      { retryAt: new Date(until).toISOString() },
    );
  }

  private async caseFailures(caseNumber: string): Promise<number> {
    const [row] = await this.dataSource.query<Array<{ n: string }>>(
      `SELECT count(*) AS n FROM query_failures WHERE case_number = $1 AND at > $2`,
      [caseNumber, new Date(this.clock.now().getTime() - CASE_WINDOW_MS)],
    );
    return Number(row?.n ?? 0);
  }

  private clientKey(client: CitizenClient): string {
    return createHmac('sha256', this.config.blindIndexKey).update(`client|${client.address}`).digest('base64url');
  }
}
