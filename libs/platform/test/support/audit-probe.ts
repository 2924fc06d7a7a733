import type { INestApplicationContext } from '@nestjs/common';
import { Global, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import {
  AuditImport1796320000000,
  AuditModule,
  DatabaseModule,
  loadPlatformConfig,
  PLATFORM_CONFIG,
  type PlatformConfig,
} from '@sunshine/platform';
import { infraEnv, TestKeys } from '@sunshine/testing';

/**
 * Routing's audit trail alone (DatabaseModule with the audit-import migration, AuditModule) on a schema prefix of the
 * test's own, for the tests of imported records; the caller closes the context and drops `<prefix>_routing`.
 */
export async function startAuditProbe(prefix: string): Promise<{ app: INestApplicationContext; config: PlatformConfig }> {
  const env = infraEnv();
  const keys = await TestKeys.create();
  const config: PlatformConfig = loadPlatformConfig('routing', {
    NODE_ENV: 'test',
    DATABASE_URL: env.databaseUrl,
    KAFKA_BROKERS: env.kafkaBrokers.join(','),
    REDIS_URL: env.redisUrl,
    DB_SCHEMA_PREFIX: prefix,
    ...keys.env('routing'),
  });
  @Global()
  @Module({ providers: [{ provide: PLATFORM_CONFIG, useValue: config }], exports: [PLATFORM_CONFIG] })
  class ConfigProbeModule {}
  @Module({ imports: [ConfigProbeModule, DatabaseModule.forRoot(config, { migrations: [AuditImport1796320000000] }), AuditModule] })
  class ProbeModule {}
  const app = await NestFactory.createApplicationContext(ProbeModule, { logger: false });
  await app.init();
  return { app, config };
}
