import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock, PLATFORM_CONFIG, type PlatformConfig } from '@sunshine/platform';
import type { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';

import type { ChannelName } from '../channels/channel';
import { NOTIFICATION_CONFIG, type NotificationConfig } from '../notification-config';
import { IntakeMessagesDrain } from '../petitioners/intake-messages.drain';
import { PgListener } from '../shared/pg-listener';
import { DeliveryRepository } from './delivery.repository';
import { DELIVERY_QUEUES, type DeliveryJob, deliveryJobOf } from './delivery-queues';
import { deliveryChannel } from './delivery-row';

/** A job still queued this long without an outcome is queued again (its id dedupes it while BullMQ still has it). */
const STALE_MS = 5 * 60_000;

/**
 * Moves deliveries that are due from PostgreSQL into their channel's queue: woken at commit (pg_notify) and every sweep,
 * so deliveries deferred by the quiet hours, replayed by ops, or lost with Redis go out from the table. The job id is the
 * delivery id: queuing one twice adds nothing.
 */
@Injectable()
export class DeliveryFeeder implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DeliveryFeeder.name);
  private readonly listener: PgListener;
  private readonly queues: Record<ChannelName, Queue<DeliveryJob>>;
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private again = false;
  /** Sweeps run (tests wait on it). */
  sweeps = 0;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly deliveries: DeliveryRepository,
    private readonly clock: Clock,
    private readonly drain: IntakeMessagesDrain,
    @InjectQueue(DELIVERY_QUEUES['in-app']) inApp: Queue<DeliveryJob>,
    @InjectQueue(DELIVERY_QUEUES.sms) sms: Queue<DeliveryJob>,
    @InjectQueue(DELIVERY_QUEUES.email) email: Queue<DeliveryJob>,
    @InjectQueue(DELIVERY_QUEUES.webhook) webhook: Queue<DeliveryJob>,
    @Inject(PLATFORM_CONFIG) platform: PlatformConfig,
    @Inject(NOTIFICATION_CONFIG) private readonly config: NotificationConfig,
  ) {
    this.queues = { 'in-app': inApp, sms, email, webhook };
    this.listener = new PgListener(platform.database.url, deliveryChannel(platform.database.schema), () => this.wake());
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.listener.start();
    this.timer = setInterval(() => {
      void this.drain.drain();
      this.wake();
    }, this.config.sweepMs);
    this.wake();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.listener.stop();
    await this.running?.catch(() => undefined);
  }

  /** Runs a feed now, or once more right after the one running. */
  wake(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.feed()
      .catch((error: unknown) => this.logger.warn(`feeding the delivery queues failed: ${String(error)}`))
      .finally(() => {
        this.running = undefined;
        this.sweeps++;
        if (this.again) {
          this.again = false;
          this.wake();
        }
      });
  }

  private async feed(): Promise<void> {
    const now = this.clock.now();
    for (;;) {
      const due = await this.deliveries.due(this.dataSource.manager, now, new Date(now.getTime() - STALE_MS));
      if (due.length === 0) return;
      for (const channel of Object.keys(this.queues) as ChannelName[]) {
        const jobs = due.filter((d) => d.channel === channel);
        if (jobs.length === 0) continue;
        await this.queues[channel].addBulk(
          jobs.map((d) => ({
            name: 'deliver',
            data: deliveryJobOf(d),
            opts: {
              jobId: d.id,
              attempts: this.config.maxAttempts,
              backoff: { type: 'jittered', delay: this.config.backoffMs },
              removeOnComplete: true,
              removeOnFail: true,
            },
          })),
        );
      }
      await this.deliveries.markQueued(
        this.dataSource.manager,
        due.map((d) => d.id),
        now,
      );
      if (due.length < 500) return;
    }
  }
}
