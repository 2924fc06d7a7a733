import { timingSafeEqual } from 'node:crypto';

import { Inject, Injectable, Logger } from '@nestjs/common';
import { DomainException, maskIdentifier } from '@sunshine/platform';

import { CHANNELS_CONFIG, type ChannelsConfig } from '../channels-config';
import { failureMessage } from '../failure-reason';
import { beijingInstant, type SmsDeliveryReport, type SmsReportPush } from './sms-report';
import { SmsReportHook } from './sms-report.hook';

const TOKEN_INVALID = new DomainException('CALLBACK_TOKEN_INVALID', 'unauthenticated', {
  zh: '回执推送令牌缺失或无效',
  en: 'the callback token is missing or wrong',
});

const NOT_READY = new DomainException('REPORTS_NOT_READY', 'unavailable', {
  zh: '状态报告暂未记录，请稍后重推',
  en: 'the reports could not be recorded now: push again later',
});

/** The provider's answer to a push it may consider received. */
export interface SmsReportAck {
  readonly code: 0;
  readonly msg: string;
}

/** The provider's report push: the shared token checked, each report read (masked phone, UTC time), then recorded. */
@Injectable()
export class SmsReportsService {
  private readonly log = new Logger(SmsReportsService.name);

  constructor(
    @Inject(CHANNELS_CONFIG) private readonly config: ChannelsConfig,
    private readonly hook: SmsReportHook,
  ) {}

  async receive(token: string | undefined, push: SmsReportPush): Promise<SmsReportAck> {
    if (!token || !sameToken(token, this.config.sms.reportToken)) throw TOKEN_INVALID;
    // A report without our OutId is not one of our deliveries (sent from the console, say): acknowledged, not recorded.
    const reports = push.flatMap((r): SmsDeliveryReport[] => (r.out_id ? [toReport(r as typeof r & { out_id: string })] : []));
    let recorded: boolean;
    try {
      recorded = await this.hook.record(reports);
    } catch (error) {
      this.log.error({ reports: reports.length, error: failureMessage(error) }, 'recording SMS reports failed: the provider pushes again');
      throw NOT_READY;
    }
    if (!recorded) throw NOT_READY;
    return { code: 0, msg: '接收成功' };
  }
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function toReport(r: SmsReportPush[number] & { out_id: string }): SmsDeliveryReport {
  const size = Number(r.sms_size);
  return {
    deliveryId: r.out_id,
    bizId: r.biz_id,
    delivered: r.success,
    code: r.err_code,
    message: r.err_msg ?? '',
    reportedAt: beijingInstant(r.report_time) ?? new Date(),
    segments: Number.isInteger(size) && size > 0 ? size : null,
    phoneMasked: maskIdentifier(r.phone_number),
  };
}
