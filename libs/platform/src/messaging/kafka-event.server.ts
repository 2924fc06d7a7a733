import { Logger } from '@nestjs/common';
import { type CustomTransportStrategy, Server } from '@nestjs/microservices';
import type { Attributes } from '@opentelemetry/api';
import { type AnyEvent, deadLetterTopic, prefixed, type TopicName } from '@sunshine/contracts';
import type { Consumer, EachBatchPayload, Kafka, KafkaMessage, Producer } from 'kafkajs';
import { lastValueFrom } from 'rxjs';
import type { DataSource } from 'typeorm';

import type { PlatformConfig } from '../config/platform-config';
import { runWithCorrelation } from '../correlation/correlation-context';
import { isSaneCorrelationId } from '../correlation/correlation-id';
import { inConsumerSpan } from '../tracing/trace-context';
import { ConsumerMetrics } from './consumer-metrics';
import type { EventContext } from './event-context';
import { EventVerifier, readUnsignedHistory } from './event-signature';
import { createOrderedProducer } from './kafka.factory';
import { type Invoke, MessageProcessor, type RawMessage } from './message-processor';
import { ParkingLot } from './parking-lot';
import { ensureTopics } from './topic-provisioner';

/** The Kafka header the outbox copies the envelope's correlationId into. */
const CORRELATION_ID_HEADER = 'correlation-id';

/** The pattern of a handler that receives every event type no other handler claims. */
export const ANY_EVENT = '*';

/**
 * Where the service's consumer stands: `starting` (connecting, joining its group: after a crash this waits out the
 * dead member's session), `consuming` (joined, partitions assigned), `rebalancing`, `restarting` (kafkajs retries
 * after a crash, e.g. the broker is down), `crashed` (gave up), `stopped`.
 */
export type ConsumerState = 'starting' | 'consuming' | 'rebalancing' | 'restarting' | 'crashed' | 'stopped';

export interface ConsumerStatus {
  readonly state: ConsumerState;
  readonly groupId: string;
  /** When the state last changed (ISO instant). */
  readonly since: string;
  /** The last crash's message, while restarting or crashed. */
  readonly error?: string;
}

export interface KafkaEventServerOptions {
  /** Topics this service consumes (unprefixed names from the contracts). */
  readonly topics: readonly TopicName[];
  /** Called after each applied message (e.g. to wake the outbox relay). */
  readonly afterCommit?: () => void;
  /** Instrumentation: called with each delivered message before it is handled (tests count deliveries with it). */
  readonly beforeMessage?: (topic: string, partition: number, message: KafkaMessage) => Promise<void>;
  /** Instrumentation: each handler call's duration by event type (the `/metrics` histogram, HandlerDurationMetric). */
  readonly observeHandler?: (observation: HandlerObservation) => void;
}

/** One handler call: the group, the envelope's type (not the pattern), whether it threw, its seconds. */
export interface HandlerObservation {
  readonly group: string;
  readonly type: string;
  readonly outcome: 'ok' | 'error';
  readonly seconds: number;
}

/** Offsets are committed after this many applied messages of a batch, or this long after the last commit, and at its end. */
const COMMIT_EVERY_MESSAGES = 100;
const COMMIT_EVERY_MS = 1000;

/**
 * A @nestjs/microservices transport over kafkajs that keeps handlers as `@EventPattern('case.dispatched')`:
 * it dispatches on the envelope's type (not the topic), uses the service name as the group id (no `-server`
 * suffix), runs each handler in a transaction with the inbox row, retries, dead-letters and parks per key, skips
 * unknown types and newer versions, heartbeats during long handlers and drains in-flight work on close.
 */
export class KafkaEventServer extends Server implements CustomTransportStrategy {
  readonly metrics = new ConsumerMetrics();
  readonly groupId: string;
  private consumer?: Consumer;
  private producer?: Producer;
  private processor?: MessageProcessor;
  private lot?: ParkingLot;
  /** The batches being applied (one per partition consumed side by side), drained on close. */
  private readonly inFlight = new Set<Promise<void>>();
  private closing = false;
  /** A restart after a crash kafkajs does not restart from is under way (restartAfterCrash). */
  private recovering = false;
  private consumerStatusNow: ConsumerStatus;
  private readonly log = new Logger(KafkaEventServer.name);
  /** The services' event keys (EVENT_KEYS_DIR), imported once: every consumed message is verified before it is applied. */
  private readonly verifier?: EventVerifier;

  constructor(
    private readonly config: PlatformConfig,
    private readonly kafka: Kafka,
    private readonly dataSource: DataSource,
    private readonly options: KafkaEventServerOptions,
  ) {
    super();
    this.groupId = config.consumer.groupPrefix ? `${config.consumer.groupPrefix}.${config.service}` : config.service;
    this.consumerStatusNow = { state: 'starting', groupId: this.groupId, since: new Date().toISOString() };
    const history = config.events.unsignedBelowFile ? readUnsignedHistory(config.events.unsignedBelowFile) : {};
    this.verifier = config.events.keysDir ? EventVerifier.fromDir(config.events.keysDir, history) : undefined;
    if (!this.verifier) this.log.warn('EVENT_KEYS_DIR is not set: consumed events are applied without verifying their producer');
  }

  /** The consumer's state, for readiness and operators (HTTP serves while the consumer joins or restarts). */
  get consumerStatus(): ConsumerStatus {
    return this.consumerStatusNow;
  }

  private moveTo(state: ConsumerState, error?: string): void {
    this.consumerStatusNow = { state, groupId: this.groupId, since: new Date().toISOString(), ...(error ? { error } : {}) };
  }

  private watch(consumer: Consumer): void {
    const { GROUP_JOIN, REBALANCING, CRASH, STOP } = consumer.events;
    consumer.on(GROUP_JOIN, () => this.moveTo('consuming'));
    consumer.on(REBALANCING, () => this.moveTo('rebalancing'));
    consumer.on(CRASH, (e) => {
      this.moveTo(e.payload.restart ? 'restarting' : 'crashed', e.payload.error.message);
      if (!e.payload.restart && consumer === this.consumer) this.restartAfterCrash(e.payload.error.message);
    });
    consumer.on(STOP, () => this.moveTo('stopped'));
  }

  listen(callback: (...optionalParams: unknown[]) => void): void {
    this.startUntilRunning().then(
      () => callback(),
      (error: unknown) => callback(error),
    );
  }

  /** Starts the consumer, and while Kafka cannot be reached starts it again (1 s doubling to 30 s) until closed. */
  private async startUntilRunning(): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        await this.start();
        return;
      } catch (error) {
        await this.consumer?.disconnect().catch(() => undefined);
        await this.producer?.disconnect().catch(() => undefined);
        if (this.closing) throw error;
        const message = error instanceof Error ? error.message : String(error);
        this.moveTo('restarting', message);
        const waitMs = Math.min(30000, 1000 * 2 ** Math.min(attempt, 5));
        this.log.warn(`the consumer could not start (${message}); trying again in ${waitMs} ms`);
        await new Promise((r) => setTimeout(r, waitMs));
        if (this.closing) throw error;
      }
    }
  }

  /**
   * kafkajs gives up on a consumer after a non-retriable error (e.g. "The coordinator is not aware of this member" when
   * an offset commit meets a rebalance: tulios/kafkajs#1466) and never consumes again, while HTTP keeps serving. The
   * consumer is started anew instead (a new member joins; what was not committed is delivered again and the inbox
   * turns it into a duplicate).
   */
  private restartAfterCrash(reason: string): void {
    if (this.closing || this.recovering) return;
    this.recovering = true;
    this.log.warn(`the consumer stopped after a non-retriable error (${reason}): starting it again`);
    void (async () => {
      await Promise.all([...this.inFlight]);
      await this.consumer?.disconnect().catch(() => undefined);
      await this.producer?.disconnect().catch(() => undefined);
      if (!this.closing) await this.startUntilRunning();
    })()
      .catch((error: unknown) => this.log.error(`the consumer could not be started again: ${String(error)}`))
      .finally(() => {
        this.recovering = false;
      });
  }

  async close(): Promise<void> {
    this.closing = true;
    this.moveTo('stopped');
    await Promise.all([...this.inFlight]);
    await this.consumer?.disconnect().catch(() => undefined);
    await this.producer?.disconnect().catch(() => undefined);
  }

  on(): void {
    // kafkajs instrumentation events are not exposed through this transport.
  }

  unwrap<T>(): T {
    if (!this.consumer) throw new Error('not listening');
    return this.consumer as T;
  }

  /** Ops: parked keys, dead letters, replay and discard (see ParkingLot). */
  get parkingLot(): ParkingLot {
    if (!this.lot) throw new Error('not listening');
    return this.lot;
  }

  private async start(): Promise<void> {
    const prefix = this.config.kafka.topicPrefix;
    const topics = this.options.topics.map((t) => prefixed(prefix, t));
    await ensureTopics(this.kafka, prefix, [deadLetterTopic(this.config.service)]);
    this.producer = createOrderedProducer(this.kafka);
    await this.producer.connect();
    this.consumer = this.kafka.consumer({
      groupId: this.groupId,
      sessionTimeout: this.config.consumer.sessionTimeoutMs,
      heartbeatInterval: Math.floor(this.config.consumer.sessionTimeoutMs / 10),
      allowAutoTopicCreation: false,
    });
    this.watch(this.consumer);
    let heartbeat: () => Promise<void> = async () => undefined;
    this.processor = new MessageProcessor(
      this.config.service,
      this.config,
      this.dataSource,
      this.producer,
      (type) => this.invoker(type),
      this.metrics,
      () => heartbeat(),
      this.options.afterCommit,
      this.verifier,
    );
    this.lot = new ParkingLot(this.config.service, this.dataSource, this.processor);
    await this.consumer.connect();
    for (const topic of topics) await this.consumer.subscribe({ topic, fromBeginning: true });
    await this.consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.config.consumer.partitionsConcurrently,
      eachBatch: async (payload) => {
        heartbeat = payload.heartbeat;
        const work = this.onBatch(payload);
        const settled = work.catch(() => undefined);
        this.inFlight.add(settled);
        try {
          await work;
        } finally {
          this.inFlight.delete(settled);
        }
      },
    });
    this.log.log(`consuming ${topics.join(', ')} as group ${this.groupId}`);
  }

  /**
   * One partition's batch in offset order, in chunks of up to `chunkMax` messages each applied in one transaction (a
   * message's inbox row in it; a chunk that fails goes one message at a time: ParkingLot.handleLiveChunk), its offsets
   * committed every COMMIT_EVERY_MESSAGES messages or COMMIT_EVERY_MS, at the batch's end and before a failure
   * propagates. A crash between an effect and its offset commit redelivers it: the inbox makes that a duplicate.
   * Partitions run side by side (`partitionsConcurrently`): a key's messages share a partition, so keep their order.
   */
  private async onBatch({ batch, heartbeat, isRunning, isStale, resolveOffset }: EachBatchPayload): Promise<void> {
    const { topic, partition } = batch;
    let pending: string | undefined;
    let since = Date.now();
    let count = 0;
    const commit = async () => {
      if (pending === undefined) return;
      const offset = (BigInt(pending) + 1n).toString();
      pending = undefined;
      since = Date.now();
      count = 0;
      await this.consumer?.commitOffsets([{ topic, partition, offset }]);
    };
    try {
      const size = this.config.consumer.chunkMax;
      for (let i = 0; i < batch.messages.length; i += size) {
        if (!isRunning() || isStale()) break;
        if (this.closing) throw new Error('closing: the message will be redelivered');
        const chunk = batch.messages.slice(i, i + size);
        await this.onMessages(topic, partition, chunk, heartbeat);
        const last = chunk[chunk.length - 1]?.offset ?? pending;
        if (last === undefined) continue;
        resolveOffset(last);
        pending = last;
        count += chunk.length;
        if (count >= COMMIT_EVERY_MESSAGES || Date.now() - since >= COMMIT_EVERY_MS) await commit();
      }
    } finally {
      await commit();
    }
  }

  private async onMessages(
    topic: string,
    partition: number,
    messages: readonly KafkaMessage[],
    heartbeat: () => Promise<void>,
  ): Promise<void> {
    const raws: RawMessage[] = [];
    for (const message of messages) {
      await this.options.beforeMessage?.(topic, partition, message);
      this.metrics.received++;
      if (message.value === null) this.metrics.tombstones++;
      else raws.push(toRaw(topic, partition, message, message.value));
    }
    const lot = this.parkingLot;
    // Heartbeats while a handler runs long (kafkajs only sends one when its interval has passed).
    const keepAliveMs = Math.max(500, Math.floor(this.config.consumer.sessionTimeoutMs / 5));
    const keepAlive = setInterval(() => void heartbeat().catch(() => undefined), keepAliveMs);
    try {
      if (raws.length > 1 && (await lot.tryLiveChunk(raws))) return;
      for (const raw of raws) {
        // The header (written from the envelope by the outbox) covers parking and dead-letter logs; the processor
        // enters the envelope's own correlation once the event is decoded.
        const correlationId = raw.headers[CORRELATION_ID_HEADER];
        await (isSaneCorrelationId(correlationId) ? runWithCorrelation({ correlationId }, () => lot.handleLive(raw)) : lot.handleLive(raw));
      }
    } finally {
      clearInterval(keepAlive);
    }
  }

  /** The consumer span's attributes (OpenTelemetry messaging conventions, plus the event and its correlation id). */
  private spanAttributes(event: AnyEvent, { meta }: EventContext): Attributes {
    return {
      'messaging.system': 'kafka',
      'messaging.operation.type': 'process',
      'messaging.destination.name': meta.topic,
      'messaging.destination.partition.id': String(meta.partition),
      'messaging.kafka.offset': Number(meta.offset),
      'messaging.consumer.group.name': this.groupId,
      'sunshine.event.type': event.type,
      'sunshine.event.id': event.id,
      'sunshine.correlation_id': event.correlationId,
    };
  }

  private invoker(type: string): Invoke | null {
    // A handler for the exact type wins; `*` (e.g. a projection of every case event) takes the rest.
    const handler = this.getHandlerByPattern(type) ?? this.getHandlerByPattern(ANY_EVENT);
    if (!handler) return null;
    const observe = this.options.observeHandler;
    // The handler continues the producer's trace (the outbox's `traceparent` header): its SQL, calls and events too.
    const call = (event: AnyEvent, context: EventContext) =>
      inConsumerSpan(context.meta.headers ?? {}, `process ${type}`, this.spanAttributes(event, context), async () => {
        await lastValueFrom(this.transformToObservable(await handler(event, context)), { defaultValue: undefined });
      });
    if (!observe) return call;
    return async (event: AnyEvent, context: EventContext) => {
      const started = process.hrtime.bigint();
      let outcome: HandlerObservation['outcome'] = 'error';
      try {
        await call(event, context);
        outcome = 'ok';
      } finally {
        observe({ group: this.groupId, type, outcome, seconds: Number(process.hrtime.bigint() - started) / 1e9 });
      }
    };
  }
}

function toRaw(topic: string, partition: number, message: KafkaMessage, value: Buffer): RawMessage {
  return {
    topic,
    partition,
    offset: message.offset,
    key: message.key?.toString() ?? '',
    value: value.toString(),
    headers: Object.fromEntries(
      Object.entries(message.headers ?? {}).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(Array.isArray(v) ? v[0] : v)]])),
    ),
  };
}
