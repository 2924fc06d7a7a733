import { Module } from '@nestjs/common';

import { CasesModule } from '../cases/cases.module';
import { DeskBoard } from '../desk/desk-board';
import { LifecycleService } from '../lifecycle/lifecycle.service';
import { DispatchService } from './dispatch.service';
import { RoutingReactions } from './routing-reactions';

/** Routing's reactions to the case log: automatic dispatch across levels, the lifecycle steps other services' facts trigger. */
@Module({
  imports: [CasesModule],
  providers: [DispatchService, LifecycleService, DeskBoard, RoutingReactions],
})
export class DispatchModule {}
