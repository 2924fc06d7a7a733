import { putUnitWebhookSchema } from './unit-webhook.dto';

const issues = (body: unknown): string[] => putUnitWebhookSchema.safeParse(body).error?.issues.map((i) => i.message) ?? [];

describe('putUnitWebhookSchema', () => {
  it('takes an https or http URL with or without a secret', () => {
    expect(issues({ url: 'https://oapi.example.com/robot/send?access_token=abc' })).toEqual([]);
    expect(issues({ url: 'http://10.0.0.8:8080/hooks', secret: 'a-secret-of-16-ch' })).toEqual([]);
  });

  it('refuses what is not a URL without throwing', () => {
    expect(issues({ url: 'not a url' })).toEqual(['须为 http(s) 地址 / must be an http(s) URL']);
    expect(issues({ url: 'https://[::1' })).toEqual(['须为 http(s) 地址 / must be an http(s) URL']);
  });

  it('refuses another scheme and credentials in the URL', () => {
    expect(issues({ url: 'javascript:alert(1)' })).toEqual(['须为 http(s) 地址 / must be an http(s) URL']);
    expect(issues({ url: 'ftp://example.org/x' })).toEqual(['须为 http(s) 地址 / must be an http(s) URL']);
    expect(issues({ url: 'https://user:pw@example.org/x' })).toEqual(['地址中不得含用户名或密码 / no credentials in the URL']);
  });

  it('refuses a short secret, one with spaces and unknown fields', () => {
    expect(issues({ url: 'https://example.org/x', secret: 'short' })).toEqual([
      '签名密钥至少 16 个字符 / the secret has at least 16 characters',
    ]);
    expect(issues({ url: 'https://example.org/x', secret: 'has spaces in the secret' })).toEqual([
      '签名密钥只能含可见 ASCII 字符 / printable ASCII only',
    ]);
    expect(issues({ url: 'https://example.org/x', unitId: 'x' })).toHaveLength(1);
  });
});
