import { Module } from '@nestjs/common';

import { SelfServiceModule } from '../self-service/self-service.module';
import { CITIZEN_NOTIFIER } from './citizen-notifier';
import { QueryCodeRecoveryController } from './query-code-recovery.controller';
import { QueryCodeRecoveryService } from './query-code-recovery.service';
import { RecordedSmsNotifier } from './recorded-sms.notifier';

@Module({
  imports: [SelfServiceModule],
  controllers: [QueryCodeRecoveryController],
  providers: [QueryCodeRecoveryService, { provide: CITIZEN_NOTIFIER, useClass: RecordedSmsNotifier }],
})
export class RecoveryModule {}
