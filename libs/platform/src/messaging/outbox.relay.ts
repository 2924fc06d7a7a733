import { randomUUID } from 'node:crypto';

import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Admin, Kafka, Producer } from 'kafkajs';
import { Client } from 'pg';
import { DataSource } from 'typeorm';

import type { PlatformConfig } from '../config/platform-config';
import { PLATFORM_CONFIG } from '../config/platform-config.token';
import { BACKGROUND_DATA_SOURCE } from '../database/database.module';
import { inPublishSpans } from '../tracing/trace-context';
import { EventSigner, unprefixedTopic } from './event-signature';
import { failpoint } from './failpoint';
import { createOrderedProducer } from './kafka.factory';
import { KAFKA } from './kafka.token';
import { OUTBOX_CHANNEL } from './outbox-notify.migration';
import { readTopic } from './topic-reader';

interface PendingRow {
  seq: string;
  event_id: string;
  topic: string;
  message_key: string;
  value: unknown;
  headers: Record<string, string>;
}

type Offsets = Record<string, Record<number, string>>;

const BATCH = 200;

/**
 * Publishes the outbox in seq order. Exactly one relay per service is active: the holder of a session-level
 * PostgreSQL advisory lock; standbys poll for it and take over when the leader's session dies.
 * Before each batch is sent, the topics' end offsets are recorded; a relay that takes over reads the topic from
 * there to find which rows of an unfinished batch already reached Kafka, so none is published twice.
 * It reads and marks the outbox through the background pool (BACKGROUND_DATA_SOURCE), never HTTP's.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private lockClient?: Client;
  private producer?: Producer;
  private admin?: Admin;
  private stopping = false;
  private loop?: Promise<void>;
  private wake?: () => void;
  /** A poke or an outbox notification came while no sleep was waiting: the next pass runs without sleeping. */
  private woken = false;
  private standbyLogged = false;
  /** Batches this process has sent (the `relay.after-send:<n>` fail point counts them). */
  private batchesSent = 0;
  /** This service's own event key (EVENT_SIGNING_KEY_FILE), imported once: it signs every event published. */
  private readonly signer?: EventSigner;
  leader = false;

  constructor(
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
    @InjectDataSource(BACKGROUND_DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(KAFKA) private readonly kafka: Kafka,
  ) {
    const file = config.events.signingKeyFile;
    this.signer = file ? EventSigner.fromFile(config.service, file) : undefined;
  }

  onApplicationBootstrap(): void {
    if (!this.signer)
      this.logger.warn('EVENT_SIGNING_KEY_FILE is not set: events are published unsigned (consumers that verify dead-letter them)');
    this.loop = this.run().catch((error: unknown) => this.logger.error(`relay stopped: ${String(error)}`));
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.loop;
    await this.producer?.disconnect().catch(() => undefined);
    await this.admin?.disconnect().catch(() => undefined);
    await this.lockClient?.end().catch(() => undefined);
  }

  /** Nudges the relay after a commit so events leave without waiting for the next poll. */
  poke(): void {
    this.woken = true;
    this.wake?.();
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      try {
        if (!this.leader) await this.tryLead();
        if (!this.leader) {
          await this.sleep(this.config.relay.pollMs * 10);
          continue;
        }
        this.woken = false;
        const sent = await this.publishBatch();
        // A commit that came while the batch was read would otherwise wait for the next poll.
        if (sent === 0 && !this.woken) await this.sleep(this.config.relay.pollMs);
      } catch (error) {
        this.logger.warn(`relay cycle failed, retrying: ${error instanceof Error ? error.message : String(error)}`);
        await this.resetLeadership();
        await this.resetProducer();
        await this.sleep(1000);
      }
    }
  }

  private async tryLead(): Promise<void> {
    if (!this.lockClient) {
      // Named so that ops (and tests) see in pg_stat_activity / pg_locks which process holds the relay lock.
      const client = new Client({
        connectionString: this.config.database.url,
        application_name: `sunshine-outbox-relay ${this.config.service} pid=${process.pid}`,
      });
      // The lock lives and dies with this session: losing it (error or end) means losing the leadership.
      const lost = () => {
        if (this.lockClient === client) void this.resetLeadership();
      };
      client.on('error', lost);
      client.on('end', lost);
      // Every commit that wrote this schema's outbox (any instance) wakes the leader (OutboxNotify migration).
      client.on('notification', (n) => {
        if (this.leader && n.channel === OUTBOX_CHANNEL && n.payload === this.config.database.schema) this.poke();
      });
      await client.connect();
      await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
      this.lockClient = client;
    }
    const lockName = `sunshine.outbox-relay.${this.config.database.schema}`;
    const res = await this.lockClient.query<{ ok: boolean }>('SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS ok', [lockName]);
    if (!res.rows[0]?.ok) {
      if (!this.standbyLogged) this.logger.log(`outbox relay is a standby for schema ${this.config.database.schema}`);
      this.standbyLogged = true;
      return;
    }
    this.producer ??= createOrderedProducer(this.kafka);
    this.admin ??= this.kafka.admin();
    await this.producer.connect();
    await this.admin.connect();
    await this.recover();
    this.leader = true;
    this.logger.log(`outbox relay is the leader for schema ${this.config.database.schema}`);
  }

  private async resetLeadership(): Promise<void> {
    this.leader = false;
    const client = this.lockClient;
    this.lockClient = undefined;
    await client?.end().catch(() => undefined);
  }

  /**
   * After a failure the producer is replaced: a send that gave up after its retries may still have been written, and
   * the idempotent producer's next batch would reuse its sequence numbers (the broker could take it for a
   * duplicate and drop it). A new producer id starts clean; recovery settles the in-doubt batch from the topic.
   */
  private async resetProducer(): Promise<void> {
    const producer = this.producer;
    this.producer = undefined;
    await producer?.disconnect().catch(() => undefined);
  }

  private async publishBatch(): Promise<number> {
    const rows = await this.dataSource.query<PendingRow[]>(
      `SELECT seq, event_id, topic, message_key, value, headers FROM outbox WHERE published_at IS NULL ORDER BY seq LIMIT $1`,
      [BATCH],
    );
    if (rows.length === 0) return 0;
    const admin = this.requireAdmin();
    const offsets: Offsets = {};
    for (const topic of new Set(rows.map((r) => r.topic))) {
      offsets[topic] = Object.fromEntries((await admin.fetchTopicOffsets(topic)).map((p) => [p.partition, p.high]));
    }
    const batchId = randomUUID();
    const seqs = rows.map((r) => r.seq);
    // One statement each side of the send (atomic by itself: no BEGIN/COMMIT round trips), where there were two
    // transactions of two statements.
    await this.dataSource.query(
      `WITH batch AS (INSERT INTO outbox_batches (id, offsets) VALUES ($1, $2))
       UPDATE outbox SET batch_id = $1 WHERE seq = ANY($3::bigint[])`,
      [batchId, JSON.stringify(offsets), seqs],
    );
    await this.send(rows);
    this.batchesSent++;
    failpoint(this.config, 'relay.after-send', String(this.batchesSent));
    // Fencing: if the batch is gone, another relay took over (this one lost its lock) and settled it from the topic;
    // marking here could hide rows it has freed, so the rows are marked only with the batch deleted by this statement.
    const [settled] = await this.dataSource.query<Array<{ mine: number }>>(
      `WITH mine AS (DELETE FROM outbox_batches WHERE id = $1 RETURNING id),
            marked AS (UPDATE outbox SET published_at = now() WHERE seq = ANY($2::bigint[]) AND EXISTS (SELECT 1 FROM mine) RETURNING seq)
       SELECT (SELECT count(*) FROM mine)::int AS mine`,
      [batchId, seqs],
    );
    if (!settled?.mine) throw new Error(`relay batch ${batchId} was settled by another relay: leadership lost`);
    return rows.length;
  }

  private async send(rows: PendingRow[]): Promise<void> {
    const producer = this.producer;
    if (!producer) throw new Error('producer not connected');
    // One topic at a time, rows in seq order: an idempotent producer with one request in flight keeps that order.
    // Each traced row gets a PRODUCER span (`publish <type>`) under its stored trace; the consumer continues from it.
    for (const topic of new Set(rows.map((r) => r.topic))) {
      const batch = rows.filter((r) => r.topic === topic);
      const published = batch.map((r) => ({
        headers: r.headers,
        name: `publish ${r.headers['event-type'] ?? topic}`,
        attributes: {
          'messaging.system': 'kafka',
          'messaging.operation.type': 'send',
          'messaging.destination.name': topic,
          'sunshine.event.type': r.headers['event-type'] ?? '',
          'sunshine.event.id': r.event_id,
          'sunshine.correlation_id': r.headers['correlation-id'] ?? '',
        },
      }));
      // Signed once per event, as this service (never as the envelope's producer): the consumers check both agree.
      const signed = unprefixedTopic(this.config.kafka.topicPrefix, topic);
      const messages = batch.map((r) => {
        const value = JSON.stringify(r.value);
        return { key: r.message_key, value, signature: this.signer?.headers({ topic: signed, key: r.message_key, value }) };
      });
      await inPublishSpans(published, (headers) =>
        producer.send({
          topic,
          acks: -1,
          messages: messages.map((m, i) => ({ key: m.key, value: m.value, headers: { ...headers[i], ...m.signature } })),
        }),
      );
    }
  }

  /** Settles batches a previous leader started but did not finish: marks what reached Kafka, frees the rest. */
  private async recover(): Promise<void> {
    const batches = await this.dataSource.query<Array<{ id: string; offsets: Offsets }>>(
      `SELECT id, offsets FROM outbox_batches ORDER BY created_at`,
    );
    for (const batch of batches) {
      const seen = new Set<string>();
      for (const [topic, from] of Object.entries(batch.offsets)) {
        for (const message of await readTopic(this.kafka, topic, from)) {
          if (message.headers['event-id']) seen.add(message.headers['event-id']);
        }
      }
      await this.dataSource.transaction(async (m) => {
        // Compared as text: other producers on the topic may carry event-id headers that are not UUIDs.
        await m.query(`UPDATE outbox SET published_at = now() WHERE batch_id = $1 AND event_id::text = ANY($2::text[])`, [
          batch.id,
          [...seen],
        ]);
        await m.query(`UPDATE outbox SET batch_id = NULL WHERE batch_id = $1 AND published_at IS NULL`, [batch.id]);
        await m.query(`DELETE FROM outbox_batches WHERE id = $1`, [batch.id]);
      });
      this.logger.warn(`recovered an unfinished relay batch ${batch.id}: ${seen.size} message(s) had reached Kafka`);
    }
  }

  private requireAdmin(): Admin {
    if (!this.admin) throw new Error('admin not connected');
    return this.admin;
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}
