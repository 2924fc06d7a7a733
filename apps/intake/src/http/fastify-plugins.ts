import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DomainException, type PlatformConfig } from '@sunshine/platform';
import Redis from 'ioredis';

import type { IntakeConfig } from '../intake-config';

/**
 * Intake's Fastify plugins, registered before the routes: @fastify/multipart for the dossier's attachments (size and
 * count limits; types are checked by the attachment service) and @fastify/rate-limit for the public endpoints (only
 * routes marked with `PublicRateLimited()`), counted in Redis so every instance shares the counters. A refused request
 * gets the one error shape (429, code RATE_LIMITED).
 */
export async function registerIntakePlugins(app: NestFastifyApplication, platform: PlatformConfig, intake: IntakeConfig): Promise<void> {
  await app.register(multipart, {
    limits: { fileSize: intake.attachments.maxBytes, files: 1, fields: 5, parts: 6 },
    throwFileSizeLimit: true,
  });
  const redis = new Redis(platform.redis.url, { maxRetriesPerRequest: 1, enableOfflineQueue: false });
  redis.on('error', () => undefined); // readiness reports Redis; a counter that cannot be kept lets the request through
  await app.register(rateLimit, {
    global: false,
    max: intake.publicRateLimit.max,
    timeWindow: intake.publicRateLimit.windowMs,
    redis,
    nameSpace: `sunshine:${platform.kafka.topicPrefix || 'default'}:intake-rate-limit:`,
    skipOnError: true,
    errorResponseBuilder: (_req, ctx) => {
      const seconds = Math.max(1, Math.ceil(ctx.ttl / 1000));
      return new DomainException(
        'RATE_LIMITED',
        'rate-limited',
        { zh: `请求过于频繁，请${seconds}秒后再试`, en: `too many requests: try again in ${seconds} s` },
        { retryAfterSeconds: seconds },
      );
    },
  });
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onClose', async () => {
      redis.disconnect();
    });
}
