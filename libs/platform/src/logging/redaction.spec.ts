import { redactUrl } from './redaction';

describe('redactUrl', () => {
  it('censors the values of credential query parameters, whatever their case or place', () => {
    expect(redactUrl('/callbacks/sms/reports?token=s3cr3t-value')).toBe(
      '/callbacks/sms/reports?token=%5B%E5%B7%B2%E8%84%B1%E6%95%8F%20redacted%5D',
    );
    expect(redactUrl('/x?a=1&Access_Token=abc&b=2')).toBe('/x?a=1&Access_Token=%5B%E5%B7%B2%E8%84%B1%E6%95%8F%20redacted%5D&b=2');
  });

  it('leaves other URLs as they are', () => {
    expect(redactUrl('/notices?unread=true&limit=20')).toBe('/notices?unread=true&limit=20');
    expect(redactUrl('/tokens/abc')).toBe('/tokens/abc');
  });
});
