import { Module } from '@nestjs/common';

import { BacklogController } from './backlog.controller';
import { BacklogService } from './backlog.service';
import { BacklogRegisterService } from './backlog-register.service';

/** The backlog register (积案). */
@Module({
  controllers: [BacklogController],
  providers: [BacklogService, BacklogRegisterService],
  exports: [BacklogService],
})
export class BacklogModule {}
