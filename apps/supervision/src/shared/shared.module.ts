import { Global, Module } from '@nestjs/common';
import { DirectoryReplicaModule, PLATFORM_CONFIG, type PlatformConfig } from '@sunshine/platform';
import { CaseViewStore } from '../city-view/case-view.store';
import { SupervisingBureauService } from '../orders/supervising-bureau.service';
import { loadSupervisionConfig, SUPERVISION_CONFIG } from '../supervision-config';
import { CaseEmitter } from './case-emitter.service';
import { VisibilityService } from './visibility.service';

/** What every feature of supervision uses: its settings, the case row, the emitter, visibility, the bureau hierarchy. */
@Global()
@Module({
  imports: [DirectoryReplicaModule],
  providers: [
    { provide: SUPERVISION_CONFIG, inject: [PLATFORM_CONFIG], useFactory: (platform: PlatformConfig) => loadSupervisionConfig(platform) },
    CaseEmitter,
    CaseViewStore,
    VisibilityService,
    SupervisingBureauService,
  ],
  exports: [SUPERVISION_CONFIG, CaseEmitter, CaseViewStore, VisibilityService, SupervisingBureauService, DirectoryReplicaModule],
})
export class SharedModule {}
