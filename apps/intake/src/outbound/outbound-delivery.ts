import { Logger } from '@nestjs/common';
import { bodySignature, type Clock } from '@sunshine/platform';
import type { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';

/** The longest wait between two attempts at one delivery. */
const MAX_BACKOFF_MS = 3600_000;

/** Where one delivery goes and the secret its body is signed with. */
export interface OutboundTarget {
  readonly url: string;
  readonly secret: string;
}

/**
 * One outbox of signed HTTP deliveries keyed by case event (12345 feedback, the upstream change stream). Its table holds
 * at least `event_id` (the idempotency key), `case_id`, `seq` (bigserial: the order within a case), `body` (jsonb),
 * `created_at`, `attempts`, `next_attempt_at`, `delivered_at`, `last_error`, `parked_at` (and `lane` when `lanes`);
 * its replays table `id, event_id, reason, replayed_by, replayed_at, attempts_before, last_error`. The names are the
 * code's constants, never input.
 */
export interface OutboundQueue<R extends object = object> {
  /** For the logs, e.g. `hotline feedback`. */
  readonly name: string;
  readonly table: string;
  readonly replaysTable: string;
  readonly userAgent: string;
  /** Joins from the queue's row (alias `f`) to whatever names the target, and the columns it adds to the row. */
  readonly join?: string;
  readonly columns?: string;
  /** The target of a claimed row (its added columns read here). */
  target(row: R): OutboundTarget;
  readonly maxAttempts: number;
  readonly retryBaseMs: number;
  /** How long one POST may take; a claim is leased for three times as long (past it, the process died mid-POST). */
  readonly timeoutMs: number;
  /** The queue's rows carry a `lane` column and each loop serves one lane. */
  readonly lanes?: boolean;
}

/** After a refused attempt (the `attempts`-th): how long to wait before the next, or park (no further attempt). */
export function afterRefusal(attempts: number, maxAttempts: number, retryBaseMs: number): { waitMs: number; park: boolean } {
  return { waitMs: Math.min(retryBaseMs * 2 ** (attempts - 1), MAX_BACKOFF_MS), park: attempts >= maxAttempts };
}

interface DueRow {
  event_id: string;
  body: unknown;
  attempts: number;
}

/** A claimed delivery: the row's `next_attempt_at` was set to `lease` (committed) before the POST. */
interface Claim {
  row: DueRow;
  lease: Date;
  attempts: number;
}

/**
 * The one delivery loop of intake's outboxes: POSTs each due row's body to its target, in order per case (a case's next
 * delivery waits until the one before was taken: delivered, nothing else), each at least once until a 2xx; the receiver
 * dedupes by `Idempotency-Key` / `X-Sunshine-Delivery` (the event id). Signed as every outbound body of the platform
 * (`bodySignature`: `X-Sunshine-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">`). No transaction is open
 * during the POST: a short one claims the row (SKIP LOCKED: several processes and loops share the work; its
 * `next_attempt_at` moved to a lease, the attempt counted), the POST follows, a second short one records the answer if
 * the lease is still ours. A process killed mid-POST leaves the lease to expire and the row is sent again. A refusal
 * waits the base wait, doubling up to an hour; after `maxAttempts` the row is parked (its case's later rows wait behind
 * it) until ops replay it (OutboundParking).
 */
export class OutboundDeliveryLoop<R extends object = object> {
  private readonly log = new Logger(OutboundDeliveryLoop.name);
  private timer: NodeJS.Timeout | undefined;
  private running = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly queue: OutboundQueue<R>,
    /** The lane this loop serves (queues with lanes only). */
    private readonly lane?: string,
  ) {}

  start(pollMs: number): void {
    this.timer = setInterval(() => void this.tick(), pollMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** Delivers what is due now, one after the other (the next round waits for this one). */
  async tick(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      while (await this.deliverOne());
    } catch (error) {
      this.log.warn({ err: error, queue: this.queue.name, lane: this.lane }, 'outbound delivery: a round failed');
    } finally {
      this.running = false;
    }
  }

  /** Delivers the first due row (claimed, then posted outside any transaction); false when none is due. */
  async deliverOne(): Promise<boolean> {
    const claim = await this.claim();
    if (!claim) return false;
    await this.record(claim, await this.post(claim));
    return true;
  }

  /** Claims the first due row whose case has nothing older undelivered (parked or leased included, any lane), and commits. */
  private claim(): Promise<Claim | undefined> {
    const q = this.queue;
    return this.dataSource.transaction(async (m) => {
      const now = this.clock.now();
      const lane = q.lanes && this.lane !== undefined ? `AND f.lane = $2` : '';
      const [row] = await m.query<DueRow[]>(
        `SELECT f.event_id, f.body, f.attempts${q.columns ?? ''}
           FROM ${q.table} f ${q.join ?? ''}
          WHERE f.delivered_at IS NULL AND f.parked_at IS NULL AND f.next_attempt_at <= $1 ${lane}
            AND NOT EXISTS (SELECT 1 FROM ${q.table} e WHERE e.case_id = f.case_id AND e.delivered_at IS NULL AND e.seq < f.seq)
          ORDER BY f.seq LIMIT 1 FOR UPDATE OF f SKIP LOCKED`,
        lane ? [now, this.lane] : [now],
      );
      if (!row) return undefined;
      const lease = new Date(now.getTime() + 3 * q.timeoutMs);
      await m.query(`UPDATE ${q.table} SET next_attempt_at = $2, attempts = attempts + 1 WHERE event_id = $1`, [row.event_id, lease]);
      return { row, lease, attempts: row.attempts + 1 };
    });
  }

  /** POSTs one body; answers null when the target took it (2xx), else why not. */
  private async post({ row }: Claim): Promise<string | null> {
    const body = JSON.stringify(row.body);
    // The receiver checks the timestamp against real time: the wall clock, never a test clock offset.
    const timestamp = String(Math.floor(Date.now() / 1000));
    try {
      const target = this.queue.target(row as unknown as R);
      const res = await fetch(target.url, {
        method: 'POST',
        redirect: 'manual',
        signal: AbortSignal.timeout(this.queue.timeoutMs),
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'user-agent': this.queue.userAgent,
          'idempotency-key': row.event_id,
          'x-sunshine-timestamp': timestamp,
          'x-sunshine-delivery': row.event_id,
          'x-sunshine-signature': bodySignature(target.secret, timestamp, body),
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
    const q = this.queue;
    const now = this.clock.now();
    const mine = `event_id = $1 AND next_attempt_at = $2 AND delivered_at IS NULL`;
    if (failure === null) {
      await this.dataSource.query(`UPDATE ${q.table} SET delivered_at = $3, last_error = NULL WHERE ${mine}`, [
        claim.row.event_id,
        claim.lease,
        now,
      ]);
      return;
    }
    const { waitMs, park } = afterRefusal(claim.attempts, q.maxAttempts, q.retryBaseMs);
    await this.dataSource.query(`UPDATE ${q.table} SET last_error = $3, next_attempt_at = $4, parked_at = $5 WHERE ${mine}`, [
      claim.row.event_id,
      claim.lease,
      failure.slice(0, 500),
      new Date(now.getTime() + waitMs),
      park ? now : null,
    ]);
    this.log.warn(
      { queue: q.name, delivery: claim.row.event_id, failure, attempts: claim.attempts },
      park ? 'outbound delivery refused too often; parked for ops' : 'outbound delivery not taken; retried later',
    );
  }
}

/** A parked delivery as ops see it (the queue's body is read by the queue's own ops). */
export interface ParkedDelivery<B> {
  readonly eventId: string;
  readonly caseId: string;
  readonly body: B;
  readonly attempts: number;
  readonly lastError: string | null;
  readonly createdAt: string;
  readonly parkedAt: string;
  /** Later deliveries of the same case waiting behind this one. */
  readonly waitingBehind: number;
}

export interface DeliveryReplayed {
  readonly eventId: string;
  readonly replayId: string;
  readonly replayedAt: string;
}

interface ParkedRow<B> {
  event_id: string;
  case_id: string;
  body: B;
  attempts: number;
  last_error: string | null;
  created_at: Date;
  parked_at: Date;
  waiting: string;
}

/** Ops over an outbox's parked deliveries: list them, replay one with a reason (recorded). */
export class OutboundParking {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly queue: Pick<OutboundQueue, 'table' | 'replaysTable'>,
  ) {}

  /** The parked deliveries, oldest first (at most 500). */
  async list<B>(): Promise<Array<ParkedDelivery<B>>> {
    const t = this.queue.table;
    const rows = await this.dataSource.query<Array<ParkedRow<B>>>(
      `SELECT f.event_id, f.case_id, f.body, f.attempts, f.last_error, f.created_at, f.parked_at,
              (SELECT count(*) FROM ${t} l WHERE l.case_id = f.case_id AND l.delivered_at IS NULL AND l.seq > f.seq) AS waiting
         FROM ${t} f WHERE f.parked_at IS NOT NULL AND f.delivered_at IS NULL ORDER BY f.parked_at, f.seq LIMIT 500`,
    );
    return rows.map((r) => ({
      eventId: r.event_id,
      caseId: r.case_id,
      body: r.body,
      attempts: r.attempts,
      lastError: r.last_error,
      createdAt: r.created_at.toISOString(),
      parkedAt: r.parked_at.toISOString(),
      waitingBehind: Number(r.waiting),
    }));
  }

  /**
   * Unparks the delivery (its attempts counted afresh, due at once) and records who replayed it and why; undefined when
   * no such delivery is parked.
   */
  replay(eventId: string, reason: string, by: string): Promise<DeliveryReplayed | undefined> {
    const { table, replaysTable } = this.queue;
    return this.dataSource.transaction(async (m) => {
      const now = this.clock.now();
      const [row] = await m.query<Array<{ attempts: number; last_error: string | null }>>(
        `SELECT attempts, last_error FROM ${table} WHERE event_id = $1 AND parked_at IS NOT NULL AND delivered_at IS NULL FOR UPDATE`,
        [eventId],
      );
      if (!row) return undefined;
      const replayId = uuidv7();
      await m.query(
        `INSERT INTO ${replaysTable} (id, event_id, reason, replayed_by, replayed_at, attempts_before, last_error) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [replayId, eventId, reason, by, now, row.attempts, row.last_error],
      );
      await m.query(`UPDATE ${table} SET parked_at = NULL, attempts = 0, next_attempt_at = $2 WHERE event_id = $1`, [eventId, now]);
      return { eventId, replayId, replayedAt: now.toISOString() };
    });
  }
}
