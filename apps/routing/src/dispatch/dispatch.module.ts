import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { LifecycleConsumer } from '../lifecycle/lifecycle.consumer';
import { LifecycleService } from '../lifecycle/lifecycle.service';
import { DispatchConsumer } from './dispatch.consumer';
import { DispatchService } from './dispatch.service';

/** Routing's consumers: automatic dispatch across levels, and the lifecycle steps other services' facts trigger. */
@Module({
  imports: [CasesModule],
  controllers: [DispatchConsumer, LifecycleConsumer],
  providers: [DispatchService, LifecycleService],
})
export class DispatchModule {}
