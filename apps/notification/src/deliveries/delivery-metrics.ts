import { Injectable, type OnModuleInit } from '@nestjs/common';
import { MetricsRegistry, sqlGauge } from '@sunshine/platform';
import { DataSource } from 'typeorm';

/** Notification's gauge on /metrics (通知指标): deliveries by channel and status (sent, failed, pending, …). */
@Injectable()
export class DeliveryMetrics implements OnModuleInit {
  constructor(
    private readonly metrics: MetricsRegistry,
    private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    sqlGauge(this.metrics, this.dataSource, {
      name: 'notification_deliveries',
      help: 'notice deliveries by channel and status 各渠道各状态的通知投递数',
      labelNames: ['channel', 'status'],
      sql: `SELECT channel, status, count(*) AS n FROM deliveries GROUP BY channel, status`,
    });
  }
}
