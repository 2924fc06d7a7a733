import { Module } from '@nestjs/common';

import { OrderParties } from '../orders/order-parties.service';
import { LeaderController } from './leader.controller';
import { LeaderService } from './leader.service';
import { RoutingStaffClient } from './routing-staff.client';

/** Leaders in charge of cases (领导包案). */
@Module({ controllers: [LeaderController], providers: [LeaderService, OrderParties, RoutingStaffClient] })
export class LeadersModule {}
