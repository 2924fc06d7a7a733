import { Global, Module } from '@nestjs/common';

import { AuditController } from './audit.controller';
import { AuditTrail } from './audit-trail.service';

/**
 * Every service's audit trail (its schema's `audit_log`) and the audit administrator's search: PlatformModule imports
 * it, and provides the daily archive job (AuditArchiveScheduler) beside it, where the clock and Redis are.
 */
@Global()
@Module({
  controllers: [AuditController],
  providers: [AuditTrail],
  exports: [AuditTrail],
})
export class AuditModule {}
