import { CaseDueResolver, caseReplica, type DatabaseOptions, REFERENCE_DATA_REPLICA } from '@sunshine/platform';

import { RoutingDueResolver } from './cases/routing-due.resolver';
import { OrgUnitsDirectoryModule } from './directory/org-units-directory.module';
import { RoutingInitial1763810000000 } from './migrations/1763810000000-routing-initial';
import { RoutingWorkflow1763830000000 } from './migrations/1763830000000-routing-workflow';
import { RoutingCaseReplica1764610000000 } from './migrations/1764610000000-routing-case-replica';
import { RoutingOrgChangeRequests1764700000000 } from './migrations/1764700000000-routing-org-change-requests';
import { RoutingRuleSetAuthorship1764800000000 } from './migrations/1764800000000-routing-rule-set-authorship';
import { RoutingOrgUnitsStamp1796500000000 } from './migrations/1796500000000-routing-org-units-stamp';

/**
 * Routing's tables (migrations listed explicitly) and the replicas it keeps, shared by the service and its CLI
 * commands. Every case is read from the case log; routing's directory is its own org_units, not a replica.
 */
export const ROUTING_DATABASE: DatabaseOptions = {
  replicas: [
    REFERENCE_DATA_REPLICA,
    caseReplica({ imports: [OrgUnitsDirectoryModule], providers: [{ provide: CaseDueResolver, useClass: RoutingDueResolver }] }),
  ],
  migrations: [
    RoutingInitial1763810000000,
    RoutingWorkflow1763830000000,
    RoutingCaseReplica1764610000000,
    RoutingOrgChangeRequests1764700000000,
    RoutingRuleSetAuthorship1764800000000,
    RoutingOrgUnitsStamp1796500000000,
  ],
};
