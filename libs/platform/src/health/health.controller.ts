import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';

import { Public } from '../auth/public.decorator';
import { DependencyIndicators } from './dependency.indicators';

/**
 * Public probes. `live`: the process runs (restart it if not). `ready`: it can serve HTTP — PostgreSQL and Redis
 * answer (503 names what is down); Kafka is reported under `messaging` (broker, the consumer's state, the outbox
 * backlog) and never makes it unready: HTTP listens before the consumer joins its group and keeps serving through a
 * broker outage, writing to the outbox.
 */
@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly deps: DependencyIndicators,
  ) {}

  @Get('live')
  live() {
    return { status: 'ok' };
  }

  @Get(['ready', ''])
  @HealthCheck()
  ready() {
    return this.health.check([() => this.deps.postgresql(), () => this.deps.redisPing(), () => this.deps.messaging()]);
  }
}
