import type { DynamicModule, Type } from '@nestjs/common';
import type { TopicName } from '@sunshine/contracts';

import type { MigrationClass } from '../database/sql-migration';

/**
 * Something a service keeps in its own schema, fed by one topic: the directory replica, the reference data, the case
 * replica. Listed once in `PlatformModule.forRoot(config, { replicas })`, it brings everything it needs: its module is
 * imported, its tables join the service's database options, and its topic the ones the service's consumer subscribes to.
 */
export interface ServiceReplica {
  readonly module: Type<unknown> | DynamicModule;
  readonly topic: TopicName;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  readonly entities: readonly Function[];
  readonly migrations: readonly MigrationClass[];
}

/** DI token of the topics the service consumes (`readonly TopicName[]`): those of the replicas it keeps. */
export const CONSUMED_TOPICS = Symbol('CONSUMED_TOPICS');

/** The topics that feed the given replicas, each once, in the order listed. */
export function consumedTopics(replicas: readonly ServiceReplica[]): readonly TopicName[] {
  return [...new Set(replicas.map((r) => r.topic))];
}
