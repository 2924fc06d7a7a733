import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { type AnyCaseEvent, type AnyEvent, isCaseLogEventType } from '@sunshine/contracts';

import type { EventContext } from '../messaging/event-context';
import { ANY_EVENT } from '../messaging/kafka-event.server';
import { CaseReplicaStore } from './case-replica.store';

/**
 * The service's one consumer of the case log: folds every event into the replica and runs the service's reactions
 * (CaseReactions). A service registers no other handler for case-log types: it reacts instead.
 */
@Controller()
export class CaseReplicaConsumer {
  constructor(private readonly store: CaseReplicaStore) {}

  @EventPattern(ANY_EVENT)
  async onEvent(@Payload() event: AnyEvent, @Ctx() ctx: EventContext): Promise<void> {
    if (!event.caseId || !isCaseLogEventType(event.type)) return;
    await this.store.fold(ctx.manager, event.caseId, [event as AnyCaseEvent]);
  }
}
