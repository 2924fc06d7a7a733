import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock } from '@sunshine/platform';
import type { DataSource } from 'typeorm';

import { OutboundDeliveryLoop, type OutboundQueue } from '../outbound/outbound-delivery';
import { UPSTREAM_CONFIG, type UpstreamConfig } from './upstream.config';

/** How often each lane looks for due messages: the urgent lane (Art 25: at once) four times as often. */
const POLL_MS = { normal: 1000, urgent: 250 } as const;

export const UPSTREAM_QUEUE = { table: 'upstream_deliveries', replaysTable: 'upstream_delivery_replays' } as const;

/** The upstream outbox: every message to the one configured upstream endpoint, signed with its secret. */
export function upstreamQueue(config: UpstreamConfig, target: { url: string; secret: string }): OutboundQueue {
  return {
    name: 'upstream',
    ...UPSTREAM_QUEUE,
    userAgent: 'Sunshine-Upstream/1',
    target: () => target,
    maxAttempts: config.maxAttempts,
    retryBaseMs: config.retryBaseMs,
    timeoutMs: config.timeoutMs,
    lanes: true,
  };
}

/**
 * Sends the planned change stream to the configured upstream by intake's one delivery loop (OutboundDeliveryLoop: in
 * order per case, at least once until a 2xx — the upstream dedupes by the idempotency key, so once from its view —,
 * backoff, parked after the configured attempts until ops replay it). Two loops: the normal lane, and the urgent lane
 * (cases reported up, Art 25) which never waits behind the normal lane's backlog.
 */
@Injectable()
export class UpstreamSender implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly loops: Array<{ loop: OutboundDeliveryLoop; pollMs: number }> = [];

  constructor(@InjectDataSource() dataSource: DataSource, clock: Clock, @Inject(UPSTREAM_CONFIG) config: UpstreamConfig) {
    if (!config.target) return;
    const queue = upstreamQueue(config, config.target);
    for (const lane of ['urgent', 'normal'] as const) {
      this.loops.push({ loop: new OutboundDeliveryLoop(dataSource, clock, queue, lane), pollMs: POLL_MS[lane] });
    }
  }

  onApplicationBootstrap(): void {
    for (const { loop, pollMs } of this.loops) loop.start(pollMs);
  }

  onModuleDestroy(): void {
    for (const { loop } of this.loops) loop.stop();
  }
}
