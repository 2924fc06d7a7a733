import { Injectable, Logger } from '@nestjs/common';

import type { SmsDeliveryReport } from './sms-report';

/** Records one delivery report (idempotently: the provider pushes a report again when an answer got lost). */
export type SmsReportRecorder = (report: SmsDeliveryReport) => Promise<void>;

/**
 * The in-process hook between the provider's report push (POST /callbacks/sms/reports) and the deliveries: the core
 * registers its recorder once at start (`onModuleInit() { hook.register((r) => this.deliveries.recordReport(r)) }`);
 * the callback answers the provider 200 only after every report was recorded, else 503 so the provider pushes again.
 */
@Injectable()
export class SmsReportHook {
  private readonly log = new Logger(SmsReportHook.name);
  private recorder?: SmsReportRecorder;

  register(recorder: SmsReportRecorder): void {
    if (this.recorder) throw new Error('an SMS report recorder is registered already');
    this.recorder = recorder;
  }

  get ready(): boolean {
    return this.recorder !== undefined;
  }

  /** Records every report in order; false when no recorder is registered (nothing recorded). */
  async record(reports: readonly SmsDeliveryReport[]): Promise<boolean> {
    const recorder = this.recorder;
    if (!recorder) {
      this.log.warn({ reports: reports.length }, 'SMS reports arrived before a recorder was registered');
      return false;
    }
    for (const report of reports) await recorder(report);
    return true;
  }
}
