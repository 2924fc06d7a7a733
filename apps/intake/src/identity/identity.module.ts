import { Module } from '@nestjs/common';

import { CITIZEN_NOTIFIER } from '../recovery/citizen-notifier';
import { RecordedSmsNotifier } from '../recovery/recorded-sms.notifier';
import { SelfServiceModule } from '../self-service/self-service.module';
import { IdentityVerificationController } from './identity-verification.controller';
import { IdentityVerificationService } from './identity-verification.service';

@Module({
  imports: [SelfServiceModule],
  controllers: [IdentityVerificationController],
  providers: [IdentityVerificationService, { provide: CITIZEN_NOTIFIER, useClass: RecordedSmsNotifier }],
})
export class IdentityModule {}
