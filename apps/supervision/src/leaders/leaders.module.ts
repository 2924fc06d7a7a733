import { Module } from '@nestjs/common';
import { LeaderController } from './leader.controller';
import { LeaderService } from './leader.service';

/** Leaders in charge of cases (领导包案). */
@Module({ controllers: [LeaderController], providers: [LeaderService] })
export class LeadersModule {}
