import { Injectable } from '@nestjs/common';

import type { KafkaEventServer } from './kafka-event.server';

/** Lets HTTP controllers (ops) reach the process's event transport, created at bootstrap outside DI. */
@Injectable()
export class EventServerRegistry {
  server?: KafkaEventServer;
}
