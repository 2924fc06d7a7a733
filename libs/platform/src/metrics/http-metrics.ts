import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';

import { MetricsRegistry } from './metrics.registry';

/** The label of a request no route matched (404 of an unknown path): raw URLs never become label values. */
export const UNMATCHED_ROUTE = '(unmatched)';

/**
 * HTTP rate, errors and latency by route template (`/cases/:caseId`, never the raw URL): one Fastify onResponse hook
 * observes `http_request_duration_seconds{method,route,status}` (its `_count` is the request counter) and
 * `http_requests_total{method,route,status_class}`.
 */
@Injectable()
export class HttpMetrics implements OnModuleInit {
  constructor(
    private readonly metrics: MetricsRegistry,
    private readonly host: HttpAdapterHost,
  ) {}

  onModuleInit(): void {
    const adapter = this.host.httpAdapter as { getInstance?: () => unknown } | undefined;
    const instance = adapter?.getInstance?.() as FastifyInstance | undefined;
    if (!instance || typeof instance.addHook !== 'function') return;
    const duration = this.metrics.histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request latency by route template 按路由的请求耗时',
      labelNames: ['method', 'route', 'status'] as const,
    });
    const total = this.metrics.counter({
      name: 'http_requests_total',
      help: 'HTTP requests by route template and status class 按路由与状态类别的请求数',
      labelNames: ['method', 'route', 'status_class'] as const,
    });
    instance.addHook('onResponse', (request, reply, done) => {
      const route = request.routeOptions.url ?? UNMATCHED_ROUTE;
      const status = reply.statusCode;
      duration.observe({ method: request.method, route, status: String(status) }, reply.elapsedTime / 1000);
      total.inc({ method: request.method, route, status_class: `${Math.floor(status / 100)}xx` });
      done();
    });
  }
}
