import { Module } from '@nestjs/common';

import { CasesModule } from '../cases/cases.module';
import { OrgAdminController } from './org-admin.controller';
import { OrgAdminService } from './org-admin.service';
import { OrgChangeRequestController } from './org-change-request.controller';
import { OrgChangeRequestService } from './org-change-request.service';
import { OrgChangeRequestStore } from './org-change-request.store';

/** The organisation directory's admin API (units, staff users) and its change requests (what grants trust). */
@Module({
  imports: [CasesModule],
  controllers: [OrgAdminController, OrgChangeRequestController],
  providers: [OrgAdminService, OrgChangeRequestService, OrgChangeRequestStore],
})
export class DirectoryModule {}
