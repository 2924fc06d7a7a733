import { Module } from '@nestjs/common';
import { PLATFORM_CONFIG, type PlatformConfig } from '@sunshine/platform';

import { INTAKE_CONFIG, type IntakeConfig } from '../intake-config';
import { SelfServiceModule } from '../self-service/self-service.module';
import { ATTACHMENT_STORE } from './attachment-store';
import { AttachmentsService } from './attachments.service';
import { DossierController } from './dossier.controller';
import { DossierService } from './dossier.service';
import { DossierRevealController } from './dossier-reveal.controller';
import { DossierRevealService } from './dossier-reveal.service';
import { DossierSubjectsController } from './dossier-subjects.controller';
import { DossierSubjectsService } from './dossier-subjects.service';
import { LocalDiskAttachmentStore } from './local-disk-attachment.store';
import { PublicAttachmentsController } from './public-attachments.controller';

@Module({
  imports: [SelfServiceModule],
  // The subjects list first: its static path is not a case id.
  controllers: [DossierSubjectsController, DossierController, DossierRevealController, PublicAttachmentsController],
  providers: [
    DossierService,
    DossierSubjectsService,
    DossierRevealService,
    AttachmentsService,
    {
      provide: ATTACHMENT_STORE,
      inject: [INTAKE_CONFIG, PLATFORM_CONFIG],
      useFactory: (intake: IntakeConfig, platform: PlatformConfig) =>
        new LocalDiskAttachmentStore(intake.attachments.dir, platform.database.schema),
    },
  ],
  exports: [ATTACHMENT_STORE],
})
export class DossierModule {}
