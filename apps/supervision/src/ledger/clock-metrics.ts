import { Injectable, type OnModuleInit } from '@nestjs/common';
import { MetricsRegistry, sqlGauge } from '@sunshine/platform';
import { DataSource } from 'typeorm';

/**
 * Supervision's gauges on /metrics (督查指标): open clocks overdue and due within the next 24 hours, by clock kind —
 * read from the ledger's own status and due_at (the ledger computed them with the domain calendar).
 */
@Injectable()
export class ClockMetrics implements OnModuleInit {
  constructor(
    private readonly metrics: MetricsRegistry,
    private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    sqlGauge(this.metrics, this.dataSource, {
      name: 'supervision_clocks_overdue',
      help: 'open deadline clocks past their due time, by kind 已超期的办理时限',
      labelNames: ['kind'],
      sql: `SELECT kind, count(*) AS n FROM deadline_clocks WHERE status = 'overdue' GROUP BY kind`,
    });
    sqlGauge(this.metrics, this.dataSource, {
      name: 'supervision_clocks_due_soon',
      help: 'running deadline clocks due within 24 hours, by kind 24 小时内到期的办理时限',
      labelNames: ['kind'],
      sql: `SELECT kind, count(*) AS n FROM deadline_clocks WHERE status = 'running' AND due_at > now() AND due_at <= now() + interval '24 hours' GROUP BY kind`,
    });
  }
}
