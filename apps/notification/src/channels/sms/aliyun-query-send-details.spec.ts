import { previewConfig } from '@sunshine/platform';

import { loadChannelsConfig } from '../channels-config';
import {
  type AliyunQueryAnswer,
  mainlandNumber,
  queryPageOutcome,
  shanghaiSendDate,
  type SmsSendDetailDTO,
} from './aliyun-query-send-details';
import { AliyunSmsProvider } from './aliyun-sms.provider';

// The answer example of the QuerySendDetails reference (dysmsapi 2017-05-25), field for field: TotalCount is a string,
// SendStatus a number (1 waiting for the report, 2 failed, 3 delivered), the records under SmsSendDetailDTOs.SmsSendDetailDTO.
const DOC_ANSWER: AliyunQueryAnswer = {
  Code: 'OK',
  Message: 'OK',
  RequestId: '819BE656-D2E0-4858-8B21-B2E477085AAF',
  TotalCount: '1',
  SmsSendDetailDTOs: {
    SmsSendDetailDTO: [
      {
        ErrCode: 'DELIVERED',
        TemplateCode: 'SMS_12231****',
        OutId: '1234****',
        ReceiveDate: '2019-01-08 16:44:13',
        SendDate: '2019-01-08 16:44:10',
        PhoneNum: '1350000****',
        Content: '【阿里云】验证码为:123,您正在登录,若非本人操作,请勿泄露',
        SendStatus: 3,
      },
    ],
  },
};

const record = (outId: string): SmsSendDetailDTO => ({
  OutId: outId,
  PhoneNum: '13800138000',
  SendStatus: 1,
  SendDate: '2026-12-02 14:30:00',
});

describe('QuerySendDetails (dysmsapi 2017-05-25)', () => {
  it('signs the documented request parameters: one 11-digit PhoneNumber, SendDate yyyyMMdd, PageSize 50, CurrentPage', () => {
    const config = loadChannelsConfig(previewConfig('notification'), {
      SMS_ACCESS_KEY_ID: 'unit-key-id',
      SMS_ACCESS_KEY_SECRET: 'unit-key-secret',
    });
    const signed = new AliyunSmsProvider(config).signedQuery(
      '+8613800138000',
      '20261202',
      2,
      new Date('2026-12-02T06:30:00.000Z'),
      '9a1f7c2e-0b4d-4e8a-9c3f-5d6e7f8a9b0c',
    );
    // The Signature was computed outside this code base (RFC 3986 encoding, HMAC-SHA1 with "unit-key-secret&", POST).
    expect(signed).toEqual({
      AccessKeyId: 'unit-key-id',
      Action: 'QuerySendDetails',
      CurrentPage: '2',
      Format: 'JSON',
      PageSize: '50',
      PhoneNumber: '13800138000',
      RegionId: 'cn-hangzhou',
      SendDate: '20261202',
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: '9a1f7c2e-0b4d-4e8a-9c3f-5d6e7f8a9b0c',
      SignatureVersion: '1.0',
      Timestamp: '2026-12-02T06:30:00Z',
      Version: '2017-05-25',
      Signature: 'dWJqqz/zd8hpsFCR+BmVa2runAY=',
    });
  });

  it('queries the mainland number without +86, 0086 or 86, and leaves other numbers as they are', () => {
    expect(['+8613800138000', '008613800138000', '8613800138000', '13800138000', '+85261234567'].map(mainlandNumber)).toEqual([
      '13800138000',
      '13800138000',
      '13800138000',
      '13800138000',
      '+85261234567',
    ]);
  });

  it('asks for the day in Asia/Shanghai', () => {
    expect(shanghaiSendDate(new Date('2026-12-01T16:00:00.000Z'))).toBe('20261202');
    expect(shanghaiSendDate(new Date('2026-12-01T15:59:59.999Z'))).toBe('20261201');
  });

  it('finds the OutId in the documented answer, and does not find another', () => {
    expect(queryPageOutcome(200, DOC_ANSWER, '1234****', 1)).toEqual({ found: true });
    expect(queryPageOutcome(200, DOC_ANSWER, 'd-other', 1)).toEqual({ found: false, more: false });
  });

  it('asks the next page while a full page leaves records out (TotalCount as a string or a number)', () => {
    const full = (total: string | number): AliyunQueryAnswer => ({
      Code: 'OK',
      TotalCount: total,
      SmsSendDetailDTOs: { SmsSendDetailDTO: Array.from({ length: 50 }, (_, i) => record(`d-${i}`)) },
    });
    expect(queryPageOutcome(200, full('120'), 'd-none', 1)).toEqual({ found: false, more: true });
    expect(queryPageOutcome(200, full(120), 'd-none', 2)).toEqual({ found: false, more: true });
    expect(queryPageOutcome(200, full('100'), 'd-none', 2)).toEqual({ found: false, more: false });
    expect(
      queryPageOutcome(200, { Code: 'OK', TotalCount: '120', SmsSendDetailDTOs: { SmsSendDetailDTO: [record('d-x')] } }, 'd-none', 3),
    ).toEqual({ found: false, more: false });
    expect(queryPageOutcome(200, { Code: 'OK', TotalCount: '0', SmsSendDetailDTOs: { SmsSendDetailDTO: [] } }, 'd-none', 1)).toEqual({
      found: false,
      more: false,
    });
  });

  it('retries when the query fails: an error code, HTTP 5xx, or no answer it can read', () => {
    expect(queryPageOutcome(200, { Code: 'isv.BUSINESS_LIMIT_CONTROL', Message: '触发分钟级流控Permits:1' }, 'd', 1)).toEqual({
      outcome: 'retry',
      reason: 'QuerySendDetails: HTTP 200 isv.BUSINESS_LIMIT_CONTROL: 触发分钟级流控Permits:1',
    });
    expect(queryPageOutcome(500, { Code: 'isp.SYSTEM_ERROR' }, 'd', 1)).toEqual({
      outcome: 'retry',
      reason: 'QuerySendDetails: HTTP 500 isp.SYSTEM_ERROR',
    });
    expect(queryPageOutcome(200, null, 'd', 1)).toEqual({ outcome: 'retry', reason: 'QuerySendDetails: HTTP 200 (no code)' });
  });
});
