import { Global, Module } from '@nestjs/common';
import { CaseLists, DirectoryReplicaModule, PLATFORM_CONFIG, type PlatformConfig } from '@sunshine/platform';
import { SupervisingBureauService } from '../orders/supervising-bureau.service';
import { loadSupervisionConfig, SUPERVISION_CONFIG } from '../supervision-config';

/**
 * What every feature of supervision uses: its settings, the bureau hierarchy and the case lists (CaseLists). The case
 * itself (replica, emitter, visibility, commands) comes from the platform's CaseReplicaModule.
 */
@Global()
@Module({
  imports: [DirectoryReplicaModule],
  providers: [
    { provide: SUPERVISION_CONFIG, inject: [PLATFORM_CONFIG], useFactory: (platform: PlatformConfig) => loadSupervisionConfig(platform) },
    SupervisingBureauService,
    CaseLists,
  ],
  exports: [SUPERVISION_CONFIG, SupervisingBureauService, CaseLists, DirectoryReplicaModule],
})
export class SharedModule {}
