import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Client } from 'pg';
import { DataSource, type DataSourceOptions } from 'typeorm';
import type { PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions';

import { AuditArchive1796230000000 } from '../audit/audit-archive';
import { AuditLog1765300000000 } from '../audit/audit-log.migration';
import type { ServiceReplica } from '../bootstrap/service-replica';
import type { PlatformConfig } from '../config/platform-config';
import { DeadLetterActions1764817000000 } from '../messaging/dead-letter-actions.migration';
import { MESSAGING_ENTITIES } from '../messaging/messaging.entities';
import { MessagingTables1763780000000 } from '../messaging/messaging-tables.migration';
import { OutboxNotify1796510000000 } from '../messaging/outbox-notify.migration';
import type { MigrationClass } from './sql-migration';

/** A service's tables: its own, and those of the replicas it keeps (the messaging and audit tables every service has). */
export interface DatabaseOptions {
  /** The service's own entities. */
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  readonly entities?: readonly Function[];
  /** The service's own migrations, listed explicitly, never as a glob: globs fail silently in bundled builds. */
  readonly migrations?: readonly MigrationClass[];
  /** The replicas the service keeps; PlatformModule also imports their modules and consumes their topics. */
  readonly replicas?: readonly ServiceReplica[];
}

/**
 * The name of a service's second DataSource (`@InjectDataSource(BACKGROUND_DATA_SOURCE)`, `getDataSourceToken(…)`): the
 * same tables through a pool of its own (DB_BACKGROUND_POOL_MAX) for the outbox relay and the Kafka consumer, so HTTP
 * requests that hold a connection throughout their transaction (a registration) never make publishing or consuming
 * queue behind them, nor the other way round (docs/benchmarks.md "A pool of its own for the relay and the consumer").
 */
export const BACKGROUND_DATA_SOURCE = 'background';

/** How long the relay or a consumer waits for a background connection before the attempt fails and is retried. */
const BACKGROUND_ACQUIRE_TIMEOUT_MS = 30_000;

/** TypeORM options of one service: its own schema (search_path too), explicit migrations, never synchronize. */
export function dataSourceOptions(config: PlatformConfig, options: DatabaseOptions): DataSourceOptions {
  return postgresOptions(config, options, { max: config.database.pool.max, acquireTimeoutMs: config.database.pool.acquireTimeoutMs });
}

/** The background DataSource's options: the same entities and schema, its own pool, never migrations (the main one runs them). */
export function backgroundDataSourceOptions(config: PlatformConfig, options: DatabaseOptions): DataSourceOptions {
  return {
    ...postgresOptions(config, options, { max: config.database.backgroundPool.max, acquireTimeoutMs: BACKGROUND_ACQUIRE_TIMEOUT_MS }),
    name: BACKGROUND_DATA_SOURCE,
    migrationsRun: false,
  };
}

function postgresOptions(
  config: PlatformConfig,
  options: DatabaseOptions,
  pool: { readonly max: number; readonly acquireTimeoutMs: number },
): PostgresConnectionOptions {
  const replicas = options.replicas ?? [];
  return {
    type: 'postgres',
    url: config.database.url,
    schema: config.database.schema,
    entities: [...MESSAGING_ENTITIES, ...replicas.flatMap((r) => r.entities), ...(options.entities ?? [])],
    // TypeORM runs them in the order of their timestamps, whatever the order here.
    migrations: [
      MessagingTables1763780000000,
      DeadLetterActions1764817000000,
      OutboxNotify1796510000000,
      AuditLog1765300000000,
      AuditArchive1796230000000,
      ...replicas.flatMap((r) => r.migrations),
      ...(options.migrations ?? []),
    ],
    migrationsTableName: 'migrations',
    // MIGRATIONS=skip: a migration Job (MIGRATIONS=only) applied them before the rollout.
    migrationsRun: config.database.migrations !== 'skip',
    migrationsTransactionMode: 'each',
    synchronize: false,
    extra: {
      options: `-c search_path=${config.database.schema}`,
      max: pool.max,
      connectionTimeoutMillis: pool.acquireTimeoutMs,
    },
  };
}

/**
 * Creates the service's schema if missing (a test run's prefixed schema; it belongs to the role that creates it);
 * migrations then run inside it. An existing schema is left alone without asking for CREATE on the database, which a
 * service's own role lacks where its schema was made for it (deploy/local/infra.sh, the deployment's database setup).
 */
export async function ensureSchema(url: string, schema: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const existing = await client.query(`SELECT 1 FROM pg_namespace WHERE nspname = $1`, [schema]);
    if (existing.rowCount === 0) await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  } finally {
    await client.end();
  }
}

@Module({})
export class DatabaseModule {
  static forRoot(config: PlatformConfig, options: DatabaseOptions): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => dataSourceOptions(config, options),
          dataSourceFactory: async (opts) => {
            if (!opts) throw new Error('no data source options');
            await ensureSchema(config.database.url, config.database.schema);
            return new DataSource(opts).initialize();
          },
        }),
        // Connections are opened on first use and closed when idle: a service without a consumer costs nothing here.
        TypeOrmModule.forRootAsync({
          name: BACKGROUND_DATA_SOURCE,
          useFactory: () => backgroundDataSourceOptions(config, options),
          dataSourceFactory: async (opts) => {
            if (!opts) throw new Error('no background data source options');
            return new DataSource(opts).initialize();
          },
        }),
      ],
    };
  }
}
