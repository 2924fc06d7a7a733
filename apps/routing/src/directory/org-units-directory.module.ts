import { Module } from '@nestjs/common';
import { OrgDirectorySource } from '@sunshine/platform';

import { DirectoryCache } from './directory.cache';

/**
 * The directory as every part of routing reads it (routing policy, visibility, jurisdictions, the case replica): its
 * own `org_units`, bound as the platform's OrgDirectorySource. Passed to CaseReplicaModule.register.
 */
@Module({
  providers: [DirectoryCache, { provide: OrgDirectorySource, useExisting: DirectoryCache }],
  exports: [DirectoryCache, OrgDirectorySource],
})
export class OrgUnitsDirectoryModule {}
