import { Module } from '@nestjs/common';
import { BacklogRegisterService } from './backlog-register.service';
import { BacklogController } from './backlog.controller';
import { BacklogService } from './backlog.service';

/** The backlog register (积案). */
@Module({
  controllers: [BacklogController],
  providers: [BacklogService, BacklogRegisterService],
  exports: [BacklogService],
})
export class BacklogModule {}
