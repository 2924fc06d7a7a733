import { Inject, Injectable } from '@nestjs/common';
import { assertValidEvent, EventCatalog, type EventOf, type EventType, prefixed } from '@sunshine/contracts';
import type { EntityManager } from 'typeorm';

import type { PlatformConfig } from '../config/platform-config';
import { PLATFORM_CONFIG } from '../config/platform-config.token';
import { traceHeaders } from '../tracing/trace-context';

/**
 * Writes events to the outbox inside the caller's transaction. Before inserting, it takes a transaction-scoped
 * advisory lock on the message key (the case id), so two transactions on one case get their seq numbers, and
 * commit, one after the other: the relay's seq order is then the case's order.
 */
@Injectable()
export class OutboxWriter {
  constructor(@Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig) {}

  /** `keyIsNew`: the key (a case id) was created by this very transaction, so no other transaction can hold it: no lock. */
  async append<T extends EventType>(
    manager: EntityManager,
    event: EventOf<T>,
    key?: string,
    options: { keyIsNew?: boolean } = {},
  ): Promise<void> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('OutboxWriter.append must run inside a transaction (pass the transaction manager)');
    }
    assertValidEvent(event);
    const messageKey = key ?? event.caseId;
    if (!messageKey) throw new Error(`event ${event.type} needs a message key (case id or unit id)`);
    const topic = prefixed(this.config.kafka.topicPrefix, EventCatalog[event.type].topic);
    if (!options.keyIsNew) await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`${topic}|${messageKey}`]);
    const headers = {
      'event-id': event.id,
      'event-type': event.type,
      'event-version': String(event.version),
      producer: event.producer,
      'correlation-id': event.correlationId,
      // The request's or handler's trace continues in the consumer (empty while tracing is off).
      ...traceHeaders(),
    };
    await manager.query(`INSERT INTO outbox (event_id, topic, message_key, type, value, headers) VALUES ($1, $2, $3, $4, $5, $6)`, [
      event.id,
      topic,
      messageKey,
      event.type,
      JSON.stringify(event),
      JSON.stringify(headers),
    ]);
  }

  async appendAll(manager: EntityManager, events: ReadonlyArray<EventOf<EventType>>): Promise<void> {
    for (const event of events) await this.append(manager, event);
  }
}
