import { Inject, Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

import type { PlatformConfig } from '../config/platform-config';
import { PLATFORM_CONFIG } from '../config/platform-config.token';

/** Seconds buckets of request and handler latency (5 ms … 10 s). */
export const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * The service's Prometheus registry (指标): the process's default metrics plus every family the platform and the
 * service register, each labelled `service`. `GET /metrics` renders it; services add their own gauges through
 * `gauge()` / `counter()` (one registration per name: a second call returns the first).
 */
@Injectable()
export class MetricsRegistry {
  readonly registry = new Registry();
  private readonly families = new Map<string, Counter | Gauge | Histogram>();

  constructor(@Inject(PLATFORM_CONFIG) config: PlatformConfig) {
    this.registry.setDefaultLabels({ service: config.service });
    collectDefaultMetrics({ register: this.registry });
  }

  gauge<L extends string>(options: {
    name: string;
    help: string;
    labelNames?: readonly L[];
    collect?: (this: Gauge<L>) => Promise<void> | void;
  }): Gauge<L> {
    return this.family(options.name, () => new Gauge<L>({ ...options, registers: [this.registry] })) as Gauge<L>;
  }

  counter<L extends string>(options: {
    name: string;
    help: string;
    labelNames?: readonly L[];
    collect?: (this: Counter<L>) => Promise<void> | void;
  }): Counter<L> {
    return this.family(options.name, () => new Counter<L>({ ...options, registers: [this.registry] })) as Counter<L>;
  }

  histogram<L extends string>(options: { name: string; help: string; labelNames?: readonly L[]; buckets?: number[] }): Histogram<L> {
    return this.family(
      options.name,
      () => new Histogram<L>({ buckets: LATENCY_BUCKETS, ...options, registers: [this.registry] }),
    ) as Histogram<L>;
  }

  /** The exposition text (Prometheus text format 0.0.4). */
  render(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  private family(name: string, create: () => Counter | Gauge | Histogram): Counter | Gauge | Histogram {
    const existing = this.families.get(name);
    if (existing) return existing;
    const created = create();
    this.families.set(name, created);
    return created;
  }
}
