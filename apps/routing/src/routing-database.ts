import type { DatabaseOptions } from '@sunshine/platform';
import { RoutingInitial1763810000000 } from './migrations/1763810000000-routing-initial';
import { RoutingWorkflow1763830000000 } from './migrations/1763830000000-routing-workflow';

/** Routing's tables (migrations listed explicitly), shared by the service and its CLI commands. */
export const ROUTING_DATABASE: DatabaseOptions = {
  entities: [],
  migrations: [RoutingInitial1763810000000, RoutingWorkflow1763830000000],
};
