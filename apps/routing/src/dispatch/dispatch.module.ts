import { Module } from '@nestjs/common';
import { CaseStore } from '../cases/case.store';
import { DirectoryCache } from '../directory/directory.cache';
import { DispatchConsumer } from './dispatch.consumer';
import { DispatchService } from './dispatch.service';
import { RoutingPolicyService } from './routing-policy.service';

@Module({
  controllers: [DispatchConsumer],
  providers: [DispatchService, RoutingPolicyService, CaseStore, DirectoryCache],
  exports: [CaseStore, DirectoryCache],
})
export class DispatchModule {}
