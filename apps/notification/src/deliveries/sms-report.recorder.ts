import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';

import type { SmsDeliveryReport } from '../channels/sms/sms-report';
import { SmsReportHook } from '../channels/sms/sms-report.hook';

/**
 * Records the SMS provider's delivery reports (状态报告) on the deliveries they answer (OutId = delivery id), once per
 * report: the carrier's code and time, in the delivery's history. The phone number never reaches here in clear.
 */
@Injectable()
export class SmsReportRecorder implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hook: SmsReportHook,
  ) {}

  onModuleInit(): void {
    this.hook.register((report) => this.record(report));
  }

  async record(report: SmsDeliveryReport): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO delivery_actions (id, delivery_id, action, reason, actor, actor_unit, at)
       SELECT $1, d.id, $2, $3, 'sms-provider', $4, $5 FROM deliveries d WHERE d.id::text = $6
         AND NOT EXISTS (SELECT 1 FROM delivery_actions a WHERE a.delivery_id = d.id AND a.actor_unit = $4 AND a.action = $2)`,
      [
        uuidv7(),
        report.delivered ? 'handset-delivered' : 'handset-failed',
        `${report.code} ${report.message}`.slice(0, 500),
        report.bizId,
        report.reportedAt,
        report.deliveryId,
      ],
    );
  }
}
