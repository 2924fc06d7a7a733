import { Module } from '@nestjs/common';
import { DirectoryReplicaModule } from '@sunshine/platform';

import { StaffFlagQuery } from './staff-flag.query';
import { StaffFlagsController } from './staff-flags.controller';

/** The list of flagged staff (the flags themselves are raised by the rollups' reactions). */
@Module({ imports: [DirectoryReplicaModule], controllers: [StaffFlagsController], providers: [StaffFlagQuery] })
export class StaffFlagsModule {}
