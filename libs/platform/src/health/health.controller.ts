import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';
import { Public } from '../auth/public.decorator';
import { DependencyIndicators } from './dependency.indicators';

/** Public probes: `live` says the process runs; `ready` checks PostgreSQL, Kafka and Redis (503 names what is down). */
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
    return this.health.check([() => this.deps.postgresql(), () => this.deps.kafkaPing(), () => this.deps.redisPing()]);
  }
}
