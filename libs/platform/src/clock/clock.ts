import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import Redis from 'ioredis';

import type { PlatformConfig } from '../config/platform-config';
import { PLATFORM_CONFIG } from '../config/platform-config.token';

/** Redis key of the shared test clock's offset (ms), per run prefix. */
export function testClockKey(prefix: string): string {
  return `sunshine:${prefix || 'default'}:test-clock-offset-ms`;
}

/**
 * The platform's notion of "now". In production it is the system clock. In test mode with TEST_CLOCK=shared
 * (refused in production by the config), every process adds one offset kept in Redis, which a test advances to
 * move time for all services at once; the offset is re-read every 100 ms.
 */
@Injectable()
export class Clock implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(Clock.name);
  private offsetMs = 0;
  private redis?: Redis;
  private timer?: NodeJS.Timeout;

  constructor(@Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig) {}

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  get shared(): boolean {
    return this.config.testClock === 'shared';
  }

  async onModuleInit(): Promise<void> {
    if (!this.shared) return;
    this.redis = new Redis(this.config.redis.url, { maxRetriesPerRequest: 1 });
    await this.refresh();
    this.timer = setInterval(() => void this.refresh(), 100);
    this.logger.warn('TEST CLOCK: time is shared through Redis and may be moved by tests');
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.redis?.disconnect();
  }

  private async refresh(): Promise<void> {
    try {
      const value = await this.redis?.get(testClockKey(this.config.kafka.topicPrefix));
      this.offsetMs = value ? Number(value) : 0;
    } catch {
      // keep the last offset while Redis is away
    }
  }
}
