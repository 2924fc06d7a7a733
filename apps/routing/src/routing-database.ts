import { CASE_REPLICA_MIGRATIONS, REFERENCE_DATA_ENTITIES, REFERENCE_DATA_MIGRATIONS, type DatabaseOptions } from '@sunshine/platform';
import { RoutingInitial1763810000000 } from './migrations/1763810000000-routing-initial';
import { RoutingWorkflow1763830000000 } from './migrations/1763830000000-routing-workflow';
import { RoutingCaseReplica1764610000000 } from './migrations/1764610000000-routing-case-replica';
import { RoutingOrgChangeRequests1764700000000 } from './migrations/1764700000000-routing-org-change-requests';

/** Routing's tables (migrations listed explicitly), shared by the service and its CLI commands. */
export const ROUTING_DATABASE: DatabaseOptions = {
  entities: [...REFERENCE_DATA_ENTITIES],
  migrations: [
    ...REFERENCE_DATA_MIGRATIONS,
    RoutingInitial1763810000000,
    RoutingWorkflow1763830000000,
    ...CASE_REPLICA_MIGRATIONS,
    RoutingCaseReplica1764610000000,
    RoutingOrgChangeRequests1764700000000,
  ],
};
