import { providerSignature, providerSmsSize } from './provider-signature';

describe('the gateway’s own check of the provider signature', () => {
  it('reproduces the SMS documentation’s example (testId / testSecret → zJDF+Lrzhj/ThnlvIToysFRq6t4=)', () => {
    const params = {
      AccessKeyId: 'testId',
      Action: 'SendSms',
      Format: 'XML',
      OutId: '123',
      PhoneNumbers: '15300000001',
      RegionId: 'cn-hangzhou',
      SignName: '阿里云短信测试专用',
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: '45e25e9b-0a6f-4070-8c85-2956eda1b466',
      SignatureVersion: '1.0',
      TemplateCode: 'SMS_71390007',
      TemplateParam: '{"customer":"test"}',
      Timestamp: '2017-07-12T02:42:19Z',
      Version: '2017-05-25',
    };
    expect(providerSignature('GET', params, 'testSecret')).toBe('zJDF+Lrzhj/ThnlvIToysFRq6t4=');
  });

  it('encodes what a form encoder leaves alone (*) and what it writes differently (space, ~) as the provider does', () => {
    const a = providerSignature('POST', { x: 'a b*~' }, 's');
    const b = providerSignature('POST', { x: 'a+b*~' }, 's');
    expect(a).not.toBe(b);
  });

  it('counts 70 characters as one message and 71 as two parts', () => {
    expect(providerSmsSize('访'.repeat(70))).toBe(1);
    expect(providerSmsSize('访'.repeat(71))).toBe(2);
    expect(providerSmsSize('访'.repeat(135))).toBe(3);
  });
});
