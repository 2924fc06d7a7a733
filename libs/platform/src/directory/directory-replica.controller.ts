import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { EventOf } from '@sunshine/contracts';

import type { EventContext } from '../messaging/event-context';
import { DirectoryReplicaService } from './directory-replica.service';

/** Keeps the replica from the compacted org-directory topic (full snapshots; an older revision never wins). */
@Controller()
export class DirectoryReplicaController {
  constructor(private readonly replica: DirectoryReplicaService) {}

  @EventPattern('org.unit-snapshot')
  async onSnapshot(@Payload() event: EventOf<'org.unit-snapshot'>, @Ctx() ctx: EventContext): Promise<void> {
    await this.replica.apply(ctx.manager, event.payload);
  }
}
