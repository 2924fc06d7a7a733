import { Headers, Query } from '@nestjs/common';
import { ApiHeader, ApiQuery } from '@nestjs/swagger';
import { Public, Route, StaffController, ZodBody } from '@sunshine/platform';
import { smsReportPushSchema, type SmsReportPush } from './sms-report';
import { SmsReportsService, type SmsReportAck } from './sms-reports.service';

/**
 * The SMS provider's delivery reports (阿里云 SmsReport, HTTP batch push). Public to bearer tokens (the provider has
 * none); it carries the shared token configured with the callback URL (`?token=`, or the header).
 */
@StaffController('callbacks/sms', 'callbacks 回执')
export class SmsReportsController {
  constructor(private readonly reports: SmsReportsService) {}

  @Route('POST', 'reports', { status: 200, summary: '短信状态报告推送（服务商回调，共享令牌） The SMS provider’s delivery reports (shared token)' })
  @Public()
  @ApiQuery({ name: 'token', required: false, description: '回调共享令牌 the shared callback token (or the header)' })
  @ApiHeader({ name: 'X-Sunshine-Callback-Token', required: false, description: '回调共享令牌 the shared callback token (or the query)' })
  receive(
    @ZodBody(smsReportPushSchema) push: SmsReportPush,
    @Query('token') queryToken: string | undefined,
    @Headers('x-sunshine-callback-token') headerToken: string | undefined,
  ): Promise<SmsReportAck> {
    return this.reports.receive(headerToken ?? queryToken, push);
  }
}
