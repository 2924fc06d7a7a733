import { Module } from '@nestjs/common';

import { LedgerModule } from '../ledger/ledger.module';
import { DissatisfactionPolicyController } from './dissatisfaction-policy.controller';
import { DissatisfactionPolicyService } from './dissatisfaction-policy.service';
import { EscalationService } from './escalation.service';
import { EscalationQueryService } from './escalation-query.service';
import { EscalationsController } from './escalations.controller';
import { OrderActionsService } from './order-actions.service';
import { OrderParties } from './order-parties.service';
import { OrdersController } from './orders.controller';
import { SupervisionOrderService } from './supervision-order.service';
import { SupervisionPolicyService } from './supervision-policy.service';

/** Supervision orders (督办单), the escalation policy and escalations. */
@Module({
  imports: [LedgerModule],
  controllers: [OrdersController, EscalationsController, DissatisfactionPolicyController],
  providers: [
    DissatisfactionPolicyService,
    SupervisionOrderService,
    OrderActionsService,
    EscalationService,
    EscalationQueryService,
    SupervisionPolicyService,
    OrderParties,
  ],
  exports: [EscalationService, SupervisionPolicyService],
})
export class OrdersModule {}
