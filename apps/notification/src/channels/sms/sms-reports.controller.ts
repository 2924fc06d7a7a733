import { Headers, Query } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiQuery, ApiResponse } from '@nestjs/swagger';
import { Public, Route, StaffController, ZodBody } from '@sunshine/platform';

import { type SmsReportPush, smsReportPushSchema } from './sms-report';
import { type SmsReportAck, SmsReportsService } from './sms-reports.service';

/**
 * The SMS provider's delivery reports (阿里云 SmsReport, HTTP batch push). Public to bearer tokens (the provider has
 * none); it carries the shared token configured with the callback URL (`?token=`, or the header).
 */
@StaffController('callbacks/sms', 'callbacks 回执')
export class SmsReportsController {
  constructor(private readonly reports: SmsReportsService) {}

  @Route('POST', 'reports', {
    status: 200,
    summary: '短信状态报告推送（服务商回调，共享令牌） The SMS provider’s delivery reports (shared token)',
  })
  @Public()
  @ApiQuery({ name: 'token', required: false, type: String, description: '回调共享令牌 the shared callback token (or the header)' })
  @ApiHeader({ name: 'X-Sunshine-Callback-Token', required: false, description: '回调共享令牌 the shared callback token (or the query)' })
  @ApiOkResponse({ description: '已记录，服务商不再重推 recorded: `{ "code": 0, "msg": "接收成功" }`, the provider stops pushing' })
  @ApiResponse({ status: 503, description: '暂未记录，服务商稍后重推 not recorded now (REPORTS_NOT_READY): the provider pushes again' })
  receive(
    @ZodBody(smsReportPushSchema) push: SmsReportPush,
    @Query('token') queryToken: string | undefined,
    @Headers('x-sunshine-callback-token') headerToken: string | undefined,
  ): Promise<SmsReportAck> {
    return this.reports.receive(headerToken ?? queryToken, push);
  }
}
