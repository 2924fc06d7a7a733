import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { bodySignature, Clock, type FieldCipher } from '@sunshine/platform';
import type { DataSource } from 'typeorm';

import { FIELD_CIPHER } from '../crypto/crypto.module';
import { type HotlineFeedbackConfig, loadHotlineFeedbackConfig } from './hotline-feedback.config';

/** How often due feedback is looked for, and the longest wait between two attempts at one delivery. */
const POLL_MS = 1000;
const MAX_BACKOFF_MS = 3600_000;
const TIMEOUT_MS = 10_000;
/** How long a claimed feedback is left to the process that claimed it: past it (the process died mid-POST), it is sent again. */
const LEASE_MS = TIMEOUT_MS + 20_000;

interface Due {
  event_id: string;
  body: unknown;
  attempts: number;
  callback_url: string;
  callback_secret_enc: string;
}

/** A claimed feedback: the row's `next_attempt_at` was set to `lease` (committed) before the POST. */
interface Claim extends Due {
  lease: Date;
}

/**
 * Posts queued 12345 feedback to the hotline system's callback URL, in order per case (a case's next feedback waits
 * until the one before was taken), each at least once until a 2xx; the receiver dedupes by `X-Sunshine-Delivery`
 * (the event id). Signed as every outbound body of the platform (`bodySignature`, the system's callback secret).
 * No transaction is open during the POST: a short one claims the row (SKIP LOCKED; its `next_attempt_at` moved to a
 * lease, the attempt counted), the POST follows, a second short one records the answer if the lease is still ours. A
 * process killed mid-POST leaves the lease to expire and the feedback is sent again. A refusal waits the base wait,
 * doubling up to an hour; after the configured number of attempts the feedback is parked (its case's later feedback
 * waits behind it) until city ops replay it (HotlineFeedbackOps).
 */
@Injectable()
export class HotlineFeedbackSender implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log = new Logger(HotlineFeedbackSender.name);
  private timer: NodeJS.Timeout | undefined;
  private running = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    @Inject(FIELD_CIPHER) private readonly cipher: FieldCipher,
  ) {}

  private readonly config: HotlineFeedbackConfig = loadHotlineFeedbackConfig();

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.tick(), POLL_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      while (await this.deliverOne());
    } catch (error) {
      this.log.warn({ err: error }, 'hotline feedback: a round failed');
    } finally {
      this.running = false;
    }
  }

  /** Delivers the first due feedback (claimed, then posted outside any transaction); false when none is due. */
  async deliverOne(): Promise<boolean> {
    const claim = await this.claim();
    if (!claim) return false;
    await this.record(claim, await this.post(claim));
    return true;
  }

  /** Claims the first due feedback whose case has nothing older undelivered (parked or leased included), and commits. */
  private claim(): Promise<Claim | undefined> {
    return this.dataSource.transaction(async (m) => {
      const now = this.clock.now();
      const [due] = await m.query<Due[]>(
        `SELECT f.event_id, f.body, f.attempts, s.callback_url, s.callback_secret_enc
           FROM hotline_feedback f JOIN hotline_orders o ON o.case_id = f.case_id JOIN hotline_systems s ON s.id = o.system_id
          WHERE f.delivered_at IS NULL AND f.parked_at IS NULL AND f.next_attempt_at <= $1
            AND NOT EXISTS (SELECT 1 FROM hotline_feedback e WHERE e.case_id = f.case_id AND e.delivered_at IS NULL AND e.seq < f.seq)
          ORDER BY f.seq LIMIT 1 FOR UPDATE OF f SKIP LOCKED`,
        [now],
      );
      if (!due) return undefined;
      const lease = new Date(now.getTime() + LEASE_MS);
      await m.query(`UPDATE hotline_feedback SET next_attempt_at = $2, attempts = attempts + 1 WHERE event_id = $1`, [due.event_id, lease]);
      return { ...due, attempts: due.attempts + 1, lease };
    });
  }

  /** POSTs one feedback; answers null when the hotline took it (2xx), else why not. */
  private async post(due: Due): Promise<string | null> {
    const body = JSON.stringify(due.body);
    // The receiver checks the timestamp against real time: the wall clock, never a test clock offset.
    const timestamp = String(Math.floor(Date.now() / 1000));
    try {
      const res = await fetch(due.callback_url, {
        method: 'POST',
        redirect: 'manual',
        signal: AbortSignal.timeout(TIMEOUT_MS),
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'user-agent': 'Sunshine-12345/1',
          'x-sunshine-timestamp': timestamp,
          'x-sunshine-delivery': due.event_id,
          'x-sunshine-signature': bodySignature(this.cipher.decrypt(due.callback_secret_enc), timestamp, body),
        },
        body,
      });
      await res.arrayBuffer();
      return res.ok ? null : `HTTP ${res.status}`;
    } catch (error) {
      return `no answer: ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  /** Records the answer in a short transaction of its own, only while the lease is still this process's. */
  private async record(claim: Claim, failure: string | null): Promise<void> {
    const now = this.clock.now();
    const mine = `event_id = $1 AND next_attempt_at = $2 AND delivered_at IS NULL`;
    if (failure === null) {
      await this.dataSource.query(`UPDATE hotline_feedback SET delivered_at = $3, last_error = NULL WHERE ${mine}`, [
        claim.event_id,
        claim.lease,
        now,
      ]);
      return;
    }
    const parked = claim.attempts >= this.config.maxAttempts;
    const wait = Math.min(this.config.retryBaseMs * 2 ** (claim.attempts - 1), MAX_BACKOFF_MS);
    await this.dataSource.query(`UPDATE hotline_feedback SET last_error = $3, next_attempt_at = $4, parked_at = $5 WHERE ${mine}`, [
      claim.event_id,
      claim.lease,
      failure.slice(0, 500),
      new Date(now.getTime() + wait),
      parked ? now : null,
    ]);
    this.log.warn(
      { feedback: claim.event_id, failure, attempts: claim.attempts },
      parked ? 'hotline feedback refused too often; parked for ops' : 'hotline feedback not taken; retried later',
    );
  }
}
