import { Module } from '@nestjs/common';
import { AuditImport1796320000000, ServiceModule } from '@sunshine/platform';

import { ActionsModule } from './actions/actions.module';
import { SignInAuditModule } from './audit/sign-in-audit.module';
import { DirectoryModule } from './directory/directory.module';
import { DispatchModule } from './dispatch/dispatch.module';
import { ROUTING_DATABASE } from './routing-database';
import { RulesModule } from './rules/rules.module';

/** The routing service: 转送交办 — the organisation directory, dispatch, the unit inbox and the unit's actions. */
@Module({})
export class AppModule extends ServiceModule(() => ({
  // audit_import and the `sign-in` kind of its audit trail: routing alone imports Keycloak's events.
  database: { ...ROUTING_DATABASE, migrations: [...(ROUTING_DATABASE.migrations ?? []), AuditImport1796320000000] },
  imports: [DispatchModule, ActionsModule, DirectoryModule, RulesModule, SignInAuditModule],
})) {}
