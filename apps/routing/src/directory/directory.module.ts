import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { OrgAdminController } from './org-admin.controller';
import { OrgAdminService } from './org-admin.service';

/** The organisation directory's admin API (units, competences, staff users). */
@Module({ imports: [CasesModule], controllers: [OrgAdminController], providers: [OrgAdminService] })
export class DirectoryModule {}
