import { Module } from '@nestjs/common';
import { ServiceModule } from '@sunshine/platform';

import { ActionsModule } from './actions/actions.module';
import { DirectoryModule } from './directory/directory.module';
import { DispatchModule } from './dispatch/dispatch.module';
import { ROUTING_DATABASE } from './routing-database';
import { RulesModule } from './rules/rules.module';

/** The routing service: 转送交办 — the organisation directory, dispatch, the unit inbox and the unit's actions. */
@Module({})
export class AppModule extends ServiceModule(() => ({
  database: ROUTING_DATABASE,
  imports: [DispatchModule, ActionsModule, DirectoryModule, RulesModule],
})) {}
