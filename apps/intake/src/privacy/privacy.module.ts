import { Module } from '@nestjs/common';

import { DossierModule } from '../dossier/dossier.module';
import { SelfServiceModule } from '../self-service/self-service.module';
import { PersonalDataRequestsController } from './personal-data-requests.controller';
import { PersonalDataRequestsService } from './personal-data-requests.service';

/** 个人信息更正、删除请求 (PIPL Art 46, 47). */
@Module({
  imports: [SelfServiceModule, DossierModule],
  controllers: [PersonalDataRequestsController],
  providers: [PersonalDataRequestsService],
})
export class PrivacyModule {}
