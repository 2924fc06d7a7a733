import type { DynamicModule, INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';

import { loadPlatformConfig, type PlatformConfig, type ServiceName } from '../config/platform-config';

/** Settings that satisfy validation and point nowhere: a preview app never connects. */
const PLACEHOLDER_ENV: NodeJS.ProcessEnv = {
  NODE_ENV: 'development',
  DATABASE_URL: 'postgres://preview.invalid/none',
  KAFKA_BROKERS: 'preview.invalid:9092',
  REDIS_URL: 'redis://preview.invalid:6379',
  AUTH_PUBLIC_KEY: 'preview: never verifies',
};

/** A service's platform configuration for a preview app (OpenAPI, permission matrix): nothing real in it. */
export function previewConfig(service: ServiceName): PlatformConfig {
  return loadPlatformConfig(service, PLACEHOLDER_ENV);
}

/**
 * The service's application in Nest's preview mode: every module and controller registered, no provider
 * instantiated, nothing connected (no PostgreSQL, Kafka or Redis), enough to read routes and build OpenAPI.
 */
export function createPreviewApp(root: DynamicModule): Promise<INestApplication> {
  return NestFactory.create(root, new FastifyAdapter(), { preview: true, logger: false, abortOnError: false });
}
