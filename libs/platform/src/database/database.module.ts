import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Client } from 'pg';
import { DataSource, type DataSourceOptions, type MixedList } from 'typeorm';
import type { PlatformConfig } from '../config/platform-config';
import { MESSAGING_ENTITIES } from '../messaging/messaging.entities';
import { MessagingTables1763780000000 } from '../messaging/messaging-tables.migration';

export interface DatabaseOptions {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  readonly entities: MixedList<Function>;
  /** Listed explicitly, never as a glob: globs fail silently in bundled builds. */
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  readonly migrations: Function[];
}

/** TypeORM options of one service: its own schema (search_path too), explicit migrations, never synchronize. */
export function dataSourceOptions(config: PlatformConfig, options: DatabaseOptions): DataSourceOptions {
  return {
    type: 'postgres',
    url: config.database.url,
    schema: config.database.schema,
    entities: [...MESSAGING_ENTITIES, ...(Array.isArray(options.entities) ? options.entities : [])],
    migrations: [MessagingTables1763780000000, ...options.migrations],
    migrationsTableName: 'migrations',
    migrationsRun: true,
    migrationsTransactionMode: 'each',
    synchronize: false,
    extra: { options: `-c search_path=${config.database.schema}`, max: 10, connectionTimeoutMillis: 3000 },
  };
}

/** Creates the service's schema if missing; migrations then run inside it. */
export async function ensureSchema(url: string, schema: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
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
      ],
    };
  }
}
