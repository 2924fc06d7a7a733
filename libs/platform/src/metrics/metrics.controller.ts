import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';

import { Public } from '../auth/public.decorator';
import { MetricsRegistry } from './metrics.registry';

/**
 * Prometheus scrape endpoint (指标采集). Public on the service port like the health probes, since it names no case,
 * person or unit: counts, latencies by route template, lag by partition. The console's nginx does not proxy it; only
 * Prometheus inside the cluster reaches it (deploy/k8s NetworkPolicy, docs/operations.md).
 */
@ApiTags('ops')
@Public()
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: MetricsRegistry) {}

  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  @ApiProduces('text/plain')
  @ApiOkResponse({ description: 'Prometheus text exposition format 0.0.4 (Prometheus 文本格式)' })
  scrape(): Promise<string> {
    return this.metrics.render();
  }
}
