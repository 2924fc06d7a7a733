import { Global, Module } from '@nestjs/common';
import { DirectoryReplicaModule, PLATFORM_CONFIG, type PlatformConfig } from '@sunshine/platform';

import { SupervisingBureauService } from '../orders/supervising-bureau.service';
import { loadSupervisionConfig, SUPERVISION_CONFIG } from '../supervision-config';

/**
 * What every feature of supervision uses: its settings and the bureau hierarchy. The case itself (replica, emitter,
 * visibility, commands, lists) comes from the platform's CaseReplicaModule.
 */
@Global()
@Module({
  imports: [DirectoryReplicaModule],
  providers: [
    { provide: SUPERVISION_CONFIG, inject: [PLATFORM_CONFIG], useFactory: (platform: PlatformConfig) => loadSupervisionConfig(platform) },
    SupervisingBureauService,
  ],
  exports: [SUPERVISION_CONFIG, SupervisingBureauService, DirectoryReplicaModule],
})
export class SharedModule {}
