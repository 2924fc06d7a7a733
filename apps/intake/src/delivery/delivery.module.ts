import { Module } from '@nestjs/common';

import { DeliveryController } from './delivery.controller';
import { DeliveryService } from './delivery.service';

/** What the notification service asks of intake: petitioners' addresses and the messages waiting for a gateway. */
@Module({ controllers: [DeliveryController], providers: [DeliveryService] })
export class DeliveryModule {}
