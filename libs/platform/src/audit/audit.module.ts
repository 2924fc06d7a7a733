import { Global, Module } from '@nestjs/common';

import { AuditController } from './audit.controller';
import { auditArchiveQueueProvider, AuditArchiveScheduler } from './audit-archive.scheduler';
import { AuditTrail } from './audit-trail.service';

/**
 * Every service's audit trail (its schema's `audit_log`), the audit administrator's search and the daily archive job
 * (AuditArchiveScheduler): PlatformModule imports it.
 */
@Global()
@Module({
  controllers: [AuditController],
  providers: [AuditTrail, auditArchiveQueueProvider, AuditArchiveScheduler],
  exports: [AuditTrail],
})
export class AuditModule {}
