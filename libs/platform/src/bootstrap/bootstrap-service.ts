import type { DynamicModule, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { TopicName } from '@sunshine/contracts';
import type { Kafka } from 'kafkajs';
import { Logger } from 'nestjs-pino';
import { DataSource } from 'typeorm';

import { registerAuditHook } from '../audit/audit-request-context';
import { AuditTrail } from '../audit/audit-trail.service';
import { ConfigurationError, loadPlatformConfig, type PlatformConfig, type ServiceName } from '../config/platform-config';
import { registerCorrelationHook } from '../correlation/correlation.hook';
import { BACKGROUND_DATA_SOURCE } from '../database/database.module';
import { answerFrameworkError } from '../errors/framework-errors';
import { HttpErrorFilter } from '../errors/http-error.filter';
import { poolWaiting, registerLoadShedding } from '../http/load-shedding';
import { buildOpenApiDocument } from '../http/openapi-document';
import { registerTextHygieneHook } from '../http/text-hygiene';
import { EventServerRegistry } from '../messaging/event-server.registry';
import { KAFKA } from '../messaging/kafka.token';
import { KafkaEventServer } from '../messaging/kafka-event.server';
import { ensureTopics } from '../messaging/topic-provisioner';
import { handlerDurationMetric } from '../metrics/handler-duration';
import { MetricsRegistry } from '../metrics/metrics.registry';
import { CONSUMED_TOPICS } from './service-replica';

export interface ServiceDefinition {
  readonly service: ServiceName;
  readonly title: string;
  /** The service's root module, built from the validated configuration. */
  readonly module: (config: PlatformConfig) => DynamicModule;
  /**
   * Optional: runs right after the app is created, before routes are registered, e.g. to register Fastify plugins
   * (@fastify/multipart, @fastify/rate-limit) through the adapter.
   */
  readonly configure?: (app: NestFastifyApplication, config: PlatformConfig) => Promise<void> | void;
}

/** Starts one service: validated config, Fastify HTTP with OpenAPI, the Kafka transport, graceful shutdown. */
export function bootstrapService(definition: ServiceDefinition): Promise<NestFastifyApplication | void> {
  return start(definition).catch((error: unknown) => {
    process.stderr.write(`${definition.service} failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
}

/**
 * The service's Nest application on Fastify with the platform's HTTP behaviour: correlation ids, text hygiene, the one
 * error filter (overload and an unreachable PostgreSQL are 503 with Retry-After), load shedding on the database pool.
 */
export async function createHttpApp(
  root: DynamicModule | Type,
  config: PlatformConfig,
  options: { bufferLogs?: boolean } = {},
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({ bodyLimit: 2 * 1024 * 1024, frameworkErrors: answerFrameworkError });
  // Every request runs in its correlation context and answers with X-Correlation-Id.
  registerCorrelationHook(adapter);
  // No NUL or lone surrogate in any string of any body, query or path: 400 INVALID_TEXT before any handler runs.
  registerTextHygieneHook(adapter);
  // The pool exists only once the app is created; until then nothing waits for it.
  const database: { source?: DataSource; audit?: AuditTrail } = {};
  registerLoadShedding(adapter, config.database.pool.maxWaiting, () => (database.source ? poolWaiting(database.source) : 0));
  // 安全审计: every state-changing request is recorded once answered (who, what, which case, from where, outcome).
  registerAuditHook(
    adapter,
    () => database.audit,
    (error) => process.stderr.write(`audit record lost: ${String(error)}\n`),
  );
  // abortOnError off: a missing optional provider (resolveOptional) throws instead of exiting the process; a failed
  // start still ends it (bootstrapService exits 1).
  const app = await NestFactory.create<NestFastifyApplication>(root, adapter, {
    bufferLogs: options.bufferLogs ?? false,
    abortOnError: false,
  });
  database.source = app.get(DataSource, { strict: false });
  database.audit = resolveOptional(app, AuditTrail);
  app.useGlobalFilters(new HttpErrorFilter());
  return app;
}

/** The app's provider, or undefined when its module tree has none (a probe app without PlatformModule). */
function resolveOptional<T>(app: NestFastifyApplication, token: new (...args: never[]) => T): T | undefined {
  try {
    return app.get(token, { strict: false });
  } catch {
    return undefined;
  }
}

async function start(definition: ServiceDefinition): Promise<NestFastifyApplication> {
  let config: PlatformConfig;
  let root: DynamicModule;
  try {
    config = loadPlatformConfig(definition.service);
    root = definition.module(config);
  } catch (error) {
    if (error instanceof ConfigurationError) {
      process.stderr.write(`${definition.service}: ${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
  const app = await createHttpApp(root, config, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  if (config.database.migrations === 'only') {
    // Creating the app initialised the DataSource, which applied the pending migrations; nothing else has started.
    await app.close();
    process.stdout.write(`${definition.service}: migrations applied (MIGRATIONS=only), exiting\n`);
    process.exit(0);
  }
  if (definition.configure) await definition.configure(app, config);
  app.enableShutdownHooks();
  // The same document as docs/openapi/<service>.json (tools/openapi.ts).
  SwaggerModule.setup('docs', app, buildOpenApiDocument(app, definition.title));

  const kafka = app.get<Kafka>(KAFKA);
  // The topics of the replicas the service keeps (PlatformModule); none means no Kafka consumer.
  const topics = app.get<readonly TopicName[]>(CONSUMED_TOPICS);
  let server: KafkaEventServer | undefined;
  if (topics.length > 0) {
    // The consumer's transactions take connections from the background pool (the relay's), never HTTP's. No relay
    // poke after each commit: a transaction that wrote to the outbox wakes the relay itself (OutboxNotify, at its
    // commit); the others, most of them, have nothing to publish and would only cost the relay a query each.
    server = new KafkaEventServer(config, kafka, app.get<DataSource>(getDataSourceToken(BACKGROUND_DATA_SOURCE)), {
      topics,
      observeHandler: handlerDurationMetric(app.get(MetricsRegistry)),
    });
    app.connectMicroservice({ strategy: server }, { inheritAppConfig: true });
    app.get(EventServerRegistry).server = server;
  }
  // HTTP first: a restarted instance serves at once, while its consumer joins the group (after a crash, that waits out
  // the dead member's session) or while Kafka is down; readiness reports the consumer's state (HealthController).
  await app.listen({ port: config.port, host: '0.0.0.0' });
  const logger = app.get(Logger);
  logger.log(`${definition.service} listening on ${await app.getUrl()} (OpenAPI at /docs)`);
  if (server) {
    // The server provisions the topics and retries until Kafka answers; it fails only when closed while starting.
    app
      .startAllMicroservices()
      .catch((error: unknown) => logger.error(`${definition.service}: the consumer stopped starting: ${String(error)}`));
  } else {
    ensureTopics(kafka, config.kafka.topicPrefix).catch((error: unknown) =>
      logger.warn(`${definition.service}: topics not provisioned: ${String(error)}`),
    );
  }
  return app;
}
