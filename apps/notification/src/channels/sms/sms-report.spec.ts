import { beijingInstant, smsReportPushSchema } from './sms-report';

describe('beijingInstant', () => {
  it('reads the provider’s Beijing time as the instant 8 hours earlier in UTC', () => {
    expect(beijingInstant('2026-12-02 08:15:30')?.toISOString()).toBe('2026-12-02T00:15:30.000Z');
    expect(beijingInstant('2026-12-01 03:00:00')?.toISOString()).toBe('2026-11-30T19:00:00.000Z');
  });

  it('refuses another shape', () => {
    expect(beijingInstant('2026-12-02T08:15:30Z')).toBeNull();
    expect(beijingInstant('2026-13-02 08:15:30')).toBeNull();
  });
});

describe('smsReportPushSchema', () => {
  it('takes the documented example', () => {
    const example = [
      {
        phone_number: '1381111****',
        send_time: '2017-01-01 00:00:00',
        report_time: '2017-01-01 00:00:00',
        success: true,
        err_code: 'DELIVERED',
        err_msg: '用户接收成功',
        sms_size: '1',
        biz_id: '12345',
        out_id: '67890',
      },
    ];
    expect(smsReportPushSchema.safeParse(example).success).toBe(true);
  });

  it('refuses an empty push and a report without biz_id', () => {
    expect(smsReportPushSchema.safeParse([]).success).toBe(false);
    expect(smsReportPushSchema.safeParse([{ phone_number: '1', report_time: 'x', success: true, err_code: 'DELIVERED' }]).success).toBe(
      false,
    );
  });
});
