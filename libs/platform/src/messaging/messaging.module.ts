import { type DynamicModule, Global, Module } from '@nestjs/common';

import type { PlatformConfig } from '../config/platform-config';
import { DeadLetterController } from './dead-letter.controller';
import { EventServerRegistry } from './event-server.registry';
import { createKafka } from './kafka.factory';
import { KAFKA } from './kafka.token';
import { OutboxRelay } from './outbox.relay';
import { OutboxWriter } from './outbox.writer';

/** Kafka client, outbox writer and relay, and the ops endpoints for dead letters. */
@Global()
@Module({})
export class MessagingModule {
  static forRoot(config: PlatformConfig): DynamicModule {
    return {
      module: MessagingModule,
      controllers: [DeadLetterController],
      providers: [
        { provide: KAFKA, useFactory: () => createKafka(config.kafka.clientId, config.kafka.brokers, config.kafka.security) },
        OutboxWriter,
        OutboxRelay,
        EventServerRegistry,
      ],
      exports: [KAFKA, OutboxWriter, OutboxRelay, EventServerRegistry],
    };
  }
}
