import { Module, type DynamicModule } from '@nestjs/common';
import { CaseDueResolver, CaseReplicaModule, PlatformModule, ReferenceDataModule, type PlatformConfig } from '@sunshine/platform';
import { ActionsModule } from './actions/actions.module';
import { RoutingDueResolver } from './cases/routing-due.resolver';
import { DirectoryModule } from './directory/directory.module';
import { OrgUnitsDirectoryModule } from './directory/org-units-directory.module';
import { DispatchModule } from './dispatch/dispatch.module';
import { ROUTING_DATABASE } from './routing-database';
import { RulesModule } from './rules/rules.module';

/** The routing service: 转送交办 — the organisation directory, dispatch, the unit inbox and the unit's actions. */
@Module({})
export class AppModule {
  static forRoot(config: PlatformConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot(config, ROUTING_DATABASE),
        ReferenceDataModule,
        // Every case, read from the case log; routing's directory is its own org_units.
        CaseReplicaModule.register({
          imports: [OrgUnitsDirectoryModule],
          providers: [{ provide: CaseDueResolver, useClass: RoutingDueResolver }],
        }),
        DispatchModule,
        ActionsModule,
        DirectoryModule,
        RulesModule,
      ],
    };
  }
}
