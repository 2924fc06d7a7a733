import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { PlatformConfig } from '../config/platform-config';
import { createKafka } from './kafka.factory';
import { KAFKA } from './kafka.token';
import { EventServerRegistry } from './event-server.registry';
import { OutboxRelay } from './outbox.relay';
import { OutboxWriter } from './outbox.writer';
import { DeadLetterController } from './dead-letter.controller';

/** Kafka client, outbox writer and relay, and the ops endpoints for dead letters. */
@Global()
@Module({})
export class MessagingModule {
  static forRoot(config: PlatformConfig): DynamicModule {
    return {
      module: MessagingModule,
      controllers: [DeadLetterController],
      providers: [
        { provide: KAFKA, useFactory: () => createKafka(config.kafka.clientId, config.kafka.brokers) },
        OutboxWriter,
        OutboxRelay,
        EventServerRegistry,
      ],
      exports: [KAFKA, OutboxWriter, OutboxRelay, EventServerRegistry],
    };
  }
}
