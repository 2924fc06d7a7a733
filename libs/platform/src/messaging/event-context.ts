import { BaseRpcContext } from '@nestjs/microservices';
import type { EntityManager } from 'typeorm';

export interface MessageMeta {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly key: string;
  /** 'live' for a message read from Kafka, 'replay' when an operator replays a dead letter or its parked followers. */
  readonly mode: 'live' | 'replay';
  /** The message's Kafka headers (the outbox's: event id and type, correlation id, W3C `traceparent`). */
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * What a handler gets beside its payload: the transaction its effect must use (the processed-event row is in it)
 * and where the message came from.
 */
export class EventContext extends BaseRpcContext<[EntityManager, MessageMeta]> {
  get manager(): EntityManager {
    return this.args[0];
  }

  get meta(): MessageMeta {
    return this.args[1];
  }
}
