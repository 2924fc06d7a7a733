import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { EventOf } from '@sunshine/contracts';

import type { EventContext } from '../messaging/event-context';
import { ReferenceDataService } from './reference-data.service';
import { REFERENCE_EVENT_TYPES, type ReferenceEventType } from './reference-item';

/** Keeps the replica from the compacted reference-data topic (full snapshots; an older revision never wins). */
@Controller()
export class ReferenceDataController {
  constructor(private readonly replica: ReferenceDataService) {}

  /** Every kind of reference data (REFERENCE_EVENT_TYPES) is a full snapshot, applied the same way. */
  @EventPattern(Object.values(REFERENCE_EVENT_TYPES))
  async onReference(@Payload() event: EventOf<ReferenceEventType>, @Ctx() ctx: EventContext): Promise<void> {
    await this.replica.apply(ctx.manager, event);
  }
}
