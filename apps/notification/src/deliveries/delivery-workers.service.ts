import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { CorrelatedWorker, PLATFORM_CONFIG, type PlatformConfig, redisConnection } from '@sunshine/platform';
import type { Job } from 'bullmq';

import { NOTIFICATION_CONFIG, type NotificationConfig } from '../notification-config';
import { backoffDelay, CHANNELS, DELIVERY_QUEUES, type DeliveryJob } from './delivery-queues';
import { DeliverySender, RetryDelivery } from './delivery-sender.service';

/**
 * One BullMQ worker per channel queue, each with its provider's rate limit (sends per second), bounded attempts and
 * exponential backoff with jitter (or the provider's Retry-After). A job is only a wake-up for a delivery row: the row is
 * the truth, and a job lost with Redis is queued again from it.
 */
@Injectable()
export class DeliveryWorkers implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DeliveryWorkers.name);
  private readonly workers: Array<CorrelatedWorker<DeliveryJob>> = [];

  constructor(
    private readonly sender: DeliverySender,
    @Inject(PLATFORM_CONFIG) private readonly platform: PlatformConfig,
    @Inject(NOTIFICATION_CONFIG) private readonly config: NotificationConfig,
  ) {}

  onApplicationBootstrap(): void {
    const prefix = this.platform.kafka.topicPrefix ? `bull.${this.platform.kafka.topicPrefix}` : 'bull';
    for (const channel of CHANNELS) {
      const worker = new CorrelatedWorker<DeliveryJob>(DELIVERY_QUEUES[channel], (job: Job<DeliveryJob>) => this.process(job), {
        connection: redisConnection(this.platform.redis.url),
        prefix,
        concurrency: channel === 'in-app' ? 8 : 4,
        limiter: { max: this.config.ratePerSecond[channel], duration: 1000 },
        lockDuration: this.config.jobLockMs,
        stalledInterval: this.config.jobLockMs,
        settings: {
          backoffStrategy: (attemptsMade: number, _type?: string, error?: Error) =>
            backoffDelay(attemptsMade, this.config.backoffMs, error instanceof RetryDelivery ? error.retryAfterMs : undefined),
        },
      });
      worker.on('failed', (job, error) => {
        if (job && job.attemptsMade >= (job.opts.attempts ?? 1) && !(error instanceof RetryDelivery)) {
          void this.sender
            .giveUp(job.data.deliveryId, job.attemptsMade, error.message)
            .catch((e: unknown) => this.logger.error(`give up ${job.data.deliveryId}: ${String(e)}`));
        }
      });
      worker.on('error', (error) => this.logger.warn(`${channel} worker: ${error.message}`));
      this.workers.push(worker);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close().catch(() => undefined)));
  }

  private process(job: Job<DeliveryJob>): Promise<void> {
    const attempt = job.attemptsMade + 1;
    return this.sender.attempt(job.data.deliveryId, attempt, attempt >= (job.opts.attempts ?? 1));
  }
}
