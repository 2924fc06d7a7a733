import { smsOutcome } from './aliyun-sms-outcome';

describe('smsOutcome', () => {
  it('accepts Code OK with its BizId', () => {
    expect(smsOutcome(200, { Code: 'OK', Message: 'OK', BizId: '900619746936498440^0', RequestId: 'F655A8D5' })).toEqual({
      outcome: 'accepted',
      providerId: '900619746936498440^0',
    });
  });

  it('retries flow control a minute later', () => {
    expect(smsOutcome(200, { Code: 'isv.BUSINESS_LIMIT_CONTROL', Message: '触发分钟级流控Permits:1' })).toEqual({
      outcome: 'retry',
      reason: 'HTTP 200 isv.BUSINESS_LIMIT_CONTROL: 触发分钟级流控Permits:1',
      retryAfterMs: 60_000,
    });
  });

  it('retries throttling and the provider system error', () => {
    expect(smsOutcome(400, { Code: 'Throttling.User', Message: 'Request was denied due to user flow control.' }).outcome).toBe('retry');
    expect(smsOutcome(200, { Code: 'isp.SYSTEM_ERROR' }).outcome).toBe('retry');
  });

  it('retries a 5xx whatever its body', () => {
    expect(smsOutcome(500, null)).toEqual({ outcome: 'retry', reason: 'HTTP 500 (no code)' });
    expect(smsOutcome(503, { Code: 'ServiceUnavailable' }).outcome).toBe('retry');
  });

  it('rejects an illegal number, a refused template and a bad signature', () => {
    expect(smsOutcome(200, { Code: 'isv.MOBILE_NUMBER_ILLEGAL', Message: '非法手机号' })).toEqual({
      outcome: 'rejected',
      reason: 'HTTP 200 isv.MOBILE_NUMBER_ILLEGAL: 非法手机号',
    });
    expect(smsOutcome(200, { Code: 'isv.SMS_TEMPLATE_ILLEGAL' }).outcome).toBe('rejected');
    expect(smsOutcome(200, { Code: 'isv.TEMPLATE_MISSING_PARAMETERS' }).outcome).toBe('rejected');
    expect(smsOutcome(400, { Code: 'SignatureDoesNotMatch' }).outcome).toBe('rejected');
  });

  it('never takes OK without a BizId for an acceptance', () => {
    expect(smsOutcome(200, { Code: 'OK' }).outcome).toBe('rejected');
  });
});
