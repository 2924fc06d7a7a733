import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { bodySignature, Clock, type FieldCipher } from '@sunshine/platform';
import type { DataSource, EntityManager } from 'typeorm';

import { FIELD_CIPHER } from '../crypto/crypto.module';

/** How often due feedback is looked for, and the longest wait between two attempts at one delivery. */
const POLL_MS = 1000;
const MAX_BACKOFF_MS = 3600_000;
const TIMEOUT_MS = 10_000;

interface Due {
  event_id: string;
  body: unknown;
  attempts: number;
  callback_url: string;
  callback_secret_enc: string;
}

/**
 * Posts queued 12345 feedback to the hotline system's callback URL, in order per case (a case's next feedback waits
 * until the one before was taken), each at least once until a 2xx; the receiver dedupes by `X-Sunshine-Delivery`
 * (the event id). Signed as every outbound body of the platform (`bodySignature`, the system's callback secret).
 * A failure waits 5 s, doubling up to an hour. Rows are claimed with SKIP LOCKED: several intake processes share the work.
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

  /** Delivers the first due feedback (its row locked meanwhile); false when none is due. */
  async deliverOne(): Promise<boolean> {
    return this.dataSource.transaction(async (m) => {
      const [due] = await m.query<Due[]>(
        `SELECT f.event_id, f.body, f.attempts, s.callback_url, s.callback_secret_enc
           FROM hotline_feedback f JOIN hotline_orders o ON o.case_id = f.case_id JOIN hotline_systems s ON s.id = o.system_id
          WHERE f.delivered_at IS NULL AND f.next_attempt_at <= $1
            AND NOT EXISTS (SELECT 1 FROM hotline_feedback e WHERE e.case_id = f.case_id AND e.delivered_at IS NULL AND e.seq < f.seq)
          ORDER BY f.seq LIMIT 1 FOR UPDATE OF f SKIP LOCKED`,
        [this.clock.now()],
      );
      if (!due) return false;
      const failure = await this.post(due);
      await this.record(m, due, failure);
      return true;
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

  private async record(m: EntityManager, due: Due, failure: string | null): Promise<void> {
    const now = this.clock.now();
    if (failure === null) {
      await m.query(`UPDATE hotline_feedback SET delivered_at = $2, attempts = attempts + 1, last_error = NULL WHERE event_id = $1`, [
        due.event_id,
        now,
      ]);
      return;
    }
    const wait = Math.min(5000 * 2 ** due.attempts, MAX_BACKOFF_MS);
    await m.query(`UPDATE hotline_feedback SET attempts = attempts + 1, last_error = $2, next_attempt_at = $3 WHERE event_id = $1`, [
      due.event_id,
      failure.slice(0, 500),
      new Date(now.getTime() + wait),
    ]);
    this.log.warn({ feedback: due.event_id, failure }, 'hotline feedback not taken; retried later');
  }
}
