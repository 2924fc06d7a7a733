import { randomUUID } from 'node:crypto';

import { Logger } from '@nestjs/common';
import { type AnyEvent, deadLetterTopic, decodeEvent, prefixed } from '@sunshine/contracts';
import type { Producer } from 'kafkajs';
import type { DataSource, EntityManager } from 'typeorm';

import type { PlatformConfig } from '../config/platform-config';
import { runWithCorrelation } from '../correlation/correlation-context';
import { isSocketFailure } from '../errors/overload-errors';
import type { ConsumerMetrics } from './consumer-metrics';
import { EventContext, type MessageMeta } from './event-context';
import { envelopeClaim, EventSignatureError, type EventVerifier, unprefixedTopic } from './event-signature';
import { failpoint } from './failpoint';

export interface RawMessage {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly key: string;
  readonly value: string;
  readonly headers: Record<string, string>;
}

export type Invoke = (event: AnyEvent, context: EventContext) => Promise<void>;
export type ResolveHandler = (type: string) => Invoke | null;
export type Outcome = 'applied' | 'duplicate' | 'skipped' | 'ignored' | 'dead-lettered';

/**
 * Applies one message: decode and validate, skip unknown types and newer versions, run the handler inside a
 * transaction that also records the event id (exactly one effect), retry a bounded number of times, then
 * dead-letter it and park its key.
 */
export class MessageProcessor {
  private readonly logger = new Logger(MessageProcessor.name);

  constructor(
    private readonly consumer: string,
    private readonly config: PlatformConfig,
    private readonly dataSource: DataSource,
    private readonly producer: Producer,
    private readonly resolve: ResolveHandler,
    readonly metrics: ConsumerMetrics,
    private readonly heartbeat: () => Promise<void> = async () => undefined,
    private readonly afterCommit: () => void = () => undefined,
    /** The services' event keys (EVENT_KEYS_DIR): every message is verified before it is applied; none: unverified. */
    private readonly verifier?: EventVerifier,
  ) {}

  /**
   * Parks the message when its key waits behind a dead letter and says whether it did. The check and the insert run
   * in one transaction under the key's lock, which a replay or discard also takes before it resolves the dead letter
   * (see ParkingLot): a message is either parked before the resolver looks for the last time, or applied after it.
   */
  async parkIfParked(message: RawMessage): Promise<boolean> {
    // A key only becomes parked through its own partition's consumer (this one) or while it already is: a negative
    // answer without the lock is safe and keeps the common path at one query.
    if (!(await this.isParked(this.dataSource.manager, message.topic, message.key))) return false;
    const parked = await this.dataSource.transaction(async (manager) => {
      await this.lockKey(manager, message.topic, message.key);
      if (!(await this.isParked(manager, message.topic, message.key))) return false;
      await manager.query(
        `INSERT INTO parked_messages (consumer, topic, message_key, partition, message_offset, value, headers)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
        [this.consumer, message.topic, message.key, message.partition, message.offset, message.value, JSON.stringify(message.headers)],
      );
      return true;
    });
    if (parked) this.metrics.parked++;
    return parked;
  }

  /** Serialises parking and the resolution of a dead letter for one key (transaction-scoped advisory lock). */
  async lockKey(manager: EntityManager, topic: string, key: string): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`sunshine.parking|${this.consumer}|${topic}|${key}`]);
  }

  private async isParked(manager: EntityManager, topic: string, key: string): Promise<boolean> {
    const rows = await manager.query<unknown[]>(
      `SELECT 1 FROM dead_letters WHERE consumer = $1 AND topic = $2 AND message_key = $3 AND status = 'parked' LIMIT 1`,
      [this.consumer, topic, key],
    );
    return rows.length > 0;
  }

  /** Processes with retries; on exhaustion returns the last error (the caller dead-letters or keeps it parked). */
  async apply(message: RawMessage, mode: MessageMeta['mode']): Promise<{ outcome: Outcome; error?: string; attempts: number }> {
    let event: AnyEvent;
    try {
      const parsed: unknown = JSON.parse(message.value);
      const forged = this.forgery(message, parsed);
      if (forged) {
        // Never applied, never retried: dead-lettered with the code (no payload in the log).
        this.metrics.rejected++;
        this.logger.warn(`refused ${message.topic}/${message.partition}@${message.offset}: ${forged.message}`);
        return { outcome: 'dead-lettered', error: forged.message, attempts: 1 };
      }
      const decoded = decodeEvent(parsed);
      if (decoded.kind !== 'event') {
        this.metrics.skipped++;
        this.logger.warn(
          `skipped ${decoded.kind} ${decoded.type} v${decoded.version} at ${message.topic}/${message.partition}@${message.offset}`,
        );
        return { outcome: 'skipped', attempts: 0 };
      }
      event = decoded.event;
    } catch (error) {
      // A malformed message will not get better with retries.
      return { outcome: 'dead-lettered', error: describe(error), attempts: 1 };
    }
    const invoke = this.resolve(event.type);
    if (!invoke) {
      this.metrics.ignored++;
      return { outcome: 'ignored', attempts: 0 };
    }
    const meta: MessageMeta = { ...message, mode };
    // The handler, its log lines and the events it emits belong to the handled event's chain (see newEvent).
    return runWithCorrelation({ correlationId: event.correlationId, causationId: event.id }, () => this.attempts(event, meta, invoke));
  }

  /**
   * Applies consecutive live messages of one partition in one transaction, each with its own inbox row (a duplicate is
   * skipped, as alone), and says whether it did. It does not when a key of theirs is parked, a message is malformed or
   * anything fails (the transaction rolls back as a whole): the caller then applies them one at a time (apply, with
   * retries and dead letters), so a poison message never takes its neighbours with it and every effect stays once.
   */
  async applyChunk(messages: readonly RawMessage[]): Promise<boolean> {
    const work: Array<{ event: AnyEvent; meta: MessageMeta; invoke: Invoke | null }> = [];
    const skipped: string[] = [];
    for (const message of messages) {
      const parsed = safeParse(message.value);
      // A malformed or forged message is dead-lettered on the one-at-a-time path (apply), which counts and logs it.
      if (parsed === undefined || this.forgery(message, parsed)) return false;
      const decoded = safeDecode(parsed);
      if (!decoded) return false;
      if (decoded.kind !== 'event')
        skipped.push(`${decoded.kind} ${decoded.type} v${decoded.version} at ${message.topic}/${message.partition}@${message.offset}`);
      else work.push({ event: decoded.event, meta: { ...message, mode: 'live' }, invoke: this.resolve(decoded.event.type) });
    }
    if (await this.anyParked(messages)) return false;
    const handled = work.filter((w) => w.invoke !== null);
    let applied: AnyEvent[];
    try {
      applied = await this.dataSource.transaction(async (manager) => {
        const done: AnyEvent[] = [];
        for (const { event, meta, invoke } of handled) {
          const run = () => this.inTransaction(manager, event, meta, invoke as Invoke);
          if (await runWithCorrelation({ correlationId: event.correlationId, causationId: event.id }, run)) done.push(event);
        }
        return done;
      });
    } catch (error) {
      this.logger.debug(`a chunk of ${messages.length} goes one message at a time: ${describe(error)}`);
      return false;
    }
    this.metrics.skipped += skipped.length;
    for (const what of skipped) this.logger.warn(`skipped ${what}`);
    this.metrics.ignored += work.length - handled.length;
    this.metrics.applied += applied.length;
    this.metrics.duplicates += handled.length - applied.length;
    if (applied.length > 0) this.afterCommit();
    for (const event of applied) failpoint(this.config, 'consumer.after-effect', event.type);
    return true;
  }

  /**
   * Why the message may not be applied (undefined when it may, or when no EVENT_KEYS_DIR is configured): it is not
   * signed by the catalog's producer of its type, which its envelope must name too (messaging/event-signature.ts).
   */
  private forgery(message: RawMessage, parsed: unknown): EventSignatureError | undefined {
    if (!this.verifier) return undefined;
    const signed = { topic: unprefixedTopic(this.config.kafka.topicPrefix, message.topic), key: message.key, value: message.value };
    try {
      this.verifier.verify(signed, message.headers, envelopeClaim(parsed), { partition: message.partition, offset: message.offset });
      return undefined;
    } catch (error) {
      if (error instanceof EventSignatureError) return error;
      throw error;
    }
  }

  /** Whether a key of these messages waits behind a dead letter (one query; see parkIfParked for why no lock). */
  private async anyParked(messages: readonly RawMessage[]): Promise<boolean> {
    const rows = await this.dataSource.query<unknown[]>(
      `SELECT 1 FROM dead_letters WHERE consumer = $1 AND topic = $2 AND message_key = ANY($3) AND status = 'parked' LIMIT 1`,
      [this.consumer, messages[0]?.topic ?? '', [...new Set(messages.map((m) => m.key))]],
    );
    return rows.length > 0;
  }

  private async attempts(
    event: AnyEvent,
    meta: MessageMeta,
    invoke: Invoke,
  ): Promise<{ outcome: Outcome; error?: string; attempts: number }> {
    let lastError = '';
    let outageSince: number | undefined;
    for (let attempt = 1; attempt <= this.config.consumer.maxAttempts; attempt++) {
      try {
        const applied = await this.dataSource.transaction((manager) => this.inTransaction(manager, event, meta, invoke));
        if (!applied) {
          this.metrics.duplicates++;
          return { outcome: 'duplicate', attempts: attempt };
        }
        this.metrics.applied++;
        this.afterCommit();
        failpoint(this.config, 'consumer.after-effect', event.type);
        return { outcome: 'applied', attempts: attempt };
      } catch (error) {
        lastError = describe(error);
        this.metrics.failures++;
        if (isInfrastructureOutage(error) && Date.now() - (outageSince ??= Date.now()) < OUTAGE_PATIENCE_MS) {
          // The database is away, not the message at fault: wait for it without spending an attempt, so an
          // outage never dead-letters a good event. The partition waits; nothing can be applied meanwhile anyway.
          this.logger.warn(`${event.type} ${event.id} waits for the database: ${lastError}`);
          attempt--;
          await this.heartbeat().catch(() => undefined);
          await sleep(Math.min(5000, this.config.consumer.retryBaseMs * 4));
          continue;
        }
        if (isInfrastructureOutage(error)) {
          // A long outage: give the message back to Kafka (no commit, redelivered later) rather than dead-letter it.
          throw error;
        }
        this.logger.warn(`${event.type} ${event.id} failed (attempt ${attempt}): ${lastError}`);
        if (attempt < this.config.consumer.maxAttempts) {
          // A failed heartbeat (e.g. a rebalance under way) must not turn into this message's error.
          await this.heartbeat().catch(() => undefined);
          await sleep(this.config.consumer.retryBaseMs * 2 ** (attempt - 1));
        }
      }
    }
    return { outcome: 'dead-lettered', error: lastError, attempts: this.config.consumer.maxAttempts };
  }

  private async inTransaction(manager: EntityManager, event: AnyEvent, meta: MessageMeta, invoke: Invoke): Promise<boolean> {
    const inserted = await manager.query<unknown[]>(
      `INSERT INTO processed_events (consumer, event_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING event_id`,
      [this.consumer, event.id],
    );
    if (inserted.length === 0) return false;
    await invoke(event, new EventContext([manager, meta]));
    return true;
  }

  /**
   * Publishes to the group's dead-letter topic and records it, parked, so later messages of the key wait.
   * `supersedes`: a parked message failed while its key's dead letter was being replayed or discarded; that dead
   * letter is resolved and the parked row removed in the same transaction, so the key never stops being parked.
   */
  async deadLetter(
    message: RawMessage,
    error: string,
    attempts: number,
    supersedes?: { readonly deadLetterId: string; readonly status: 'replayed' | 'discarded'; readonly parkedSeq: string },
  ): Promise<string> {
    const id = randomUUID();
    const parsed = safeJson(message.value);
    await this.producer.send({
      topic: prefixed(this.config.kafka.topicPrefix, deadLetterTopic(this.consumer)),
      acks: -1,
      messages: [
        {
          key: message.key,
          value: message.value,
          headers: {
            ...message.headers,
            'dlq-id': id,
            'dlq-error': error.slice(0, 2000),
            'dlq-attempts': String(attempts),
            'dlq-original-topic': message.topic,
            'dlq-original-partition': String(message.partition),
            'dlq-original-offset': message.offset,
          },
        },
      ],
    });
    await this.dataSource.transaction(async (manager) => {
      if (supersedes) {
        await manager.query(`UPDATE dead_letters SET status = $2, resolved_at = now() WHERE id = $1 AND status = 'parked'`, [
          supersedes.deadLetterId,
          supersedes.status,
        ]);
        await manager.query(`DELETE FROM parked_messages WHERE seq = $1`, [supersedes.parkedSeq]);
      }
      await manager.query(
        `INSERT INTO dead_letters (id, consumer, topic, message_key, partition, message_offset, event_id, event_type, value, headers, error, attempts, status)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'parked')`,
        [
          id,
          this.consumer,
          message.topic,
          message.key,
          message.partition,
          message.offset,
          parsed.id,
          parsed.type,
          message.value,
          JSON.stringify(message.headers),
          error,
          attempts,
        ],
      );
    });
    this.metrics.deadLettered++;
    this.logger.error(
      `dead-lettered ${parsed.type ?? '?'} ${parsed.id ?? '?'} (${message.topic}/${message.partition}@${message.offset}): ${error}`,
    );
    return id;
  }
}

/** How long one message waits for the database before it is handed back to Kafka for redelivery. */
const OUTAGE_PATIENCE_MS = 60_000;

/** PostgreSQL unreachable, restarting or overloaded, or a transient conflict: retry, do not dead-letter. */
export function isInfrastructureOutage(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = String((error as { code?: unknown }).code ?? '');
  const message = error instanceof Error ? error.message : '';
  return (
    isSocketFailure(error) ||
    ['57P01', '57P02', '57P03', '53300', '40001', '40P01'].includes(code) ||
    code.startsWith('08') ||
    /Connection terminated|connection timeout|timeout exceeded when trying to connect|Connection is not established/i.test(message)
  );
}

function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  // Nest's default RPC exception filter replaces unknown errors by `{ status, message }`: keep what there is.
  if (typeof error === 'object' && error !== null) {
    try {
      return JSON.stringify(error);
    } catch {
      // circular: fall through
    }
  }
  return String(error);
}

function safeParse(value: string): unknown {
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return undefined;
  }
}

function safeDecode(parsed: unknown): ReturnType<typeof decodeEvent> | null {
  try {
    return decodeEvent(parsed);
  } catch {
    return null;
  }
}

function safeJson(value: string): { id: string | null; type: string | null } {
  try {
    const v: unknown = JSON.parse(value);
    if (typeof v === 'object' && v !== null) {
      const o = v as Record<string, unknown>;
      return { id: typeof o['id'] === 'string' ? o['id'] : null, type: typeof o['type'] === 'string' ? o['type'] : null };
    }
  } catch {
    // not JSON: recorded as is
  }
  return { id: null, type: null };
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
