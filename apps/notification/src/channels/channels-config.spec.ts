import { loadPlatformConfig } from '@sunshine/platform';

import { loadChannelsConfig } from './channels-config';

const platformEnv = { DATABASE_URL: 'postgres://x/y', KAFKA_BROKERS: 'k:9092', REDIS_URL: 'redis://r:6379', AUTH_PUBLIC_KEY: 'k' };
// Production also needs the service's event keys (事件签名); only their names are read here.
const productionEventKeys = { EVENT_SIGNING_KEY_FILE: '/keys/event-signing/notification.pem', EVENT_KEYS_DIR: '/keys/events' };
const platform = (env: 'development' | 'production') =>
  loadPlatformConfig('notification', { ...platformEnv, ...(env === 'production' ? productionEventKeys : {}), NODE_ENV: env });

describe('loadChannelsConfig', () => {
  it('points at the local counterparts by default in development', () => {
    const c = loadChannelsConfig(platform('development'), {});
    expect(c.smtp).toEqual({ host: '127.0.0.1', port: 2525, secure: false, from: '阳光信访 <noreply@sunshine.local>', timeoutMs: 15000 });
    expect(c.sms).toMatchObject({
      endpoint: 'http://127.0.0.1:3090/',
      signName: '阳光信访局',
      regionId: 'cn-hangzhou',
      templateCodes: {},
      fallbackTemplateCode: 'SMS_SUNSHINE_NOTICE',
    });
    expect(c.secretKeys.current).toBe('dev');
    expect(c.webhook).toEqual({ timeoutMs: 10000, allowInternalTargets: true });
  });

  it('refuses the development secrets and a missing key ring in production, listing every problem', () => {
    expect(() => loadChannelsConfig(platform('production'), {})).toThrow(
      /NOTIFICATION_SECRET_KEYS: required in production[\s\S]*SMS_ACCESS_KEY_SECRET: the development secret is refused[\s\S]*SMS_REPORT_TOKEN: required in production/,
    );
  });

  it('takes production settings, SMTP credentials both or neither', () => {
    const env = {
      NOTIFICATION_SECRET_KEYS: `k2:${Buffer.alloc(32, 1).toString('base64')}`,
      SMS_ACCESS_KEY_SECRET: 'prod-secret',
      SMS_REPORT_TOKEN: 'a-long-enough-report-token',
      SMS_ENDPOINT: 'https://dysmsapi.aliyuncs.com/',
      SMTP_USER: 'noreply',
      SMTP_PASSWORD: 'pw',
      SMTP_SECURE: 'true',
      SMTP_PORT: '465',
    };
    const c = loadChannelsConfig(platform('production'), env);
    expect(c.smtp).toMatchObject({ port: 465, secure: true, auth: { user: 'noreply', pass: 'pw' } });
    expect(c.secretKeys.current).toBe('k2');
    expect(c.webhook.allowInternalTargets).toBe(false);
    expect(c.sms.fallbackTemplateCode).toBeNull();
    const mapped = loadChannelsConfig(platform('production'), {
      ...env,
      SMS_TEMPLATE_CODES: '{"petitioner.reply-served":"SMS_460123456"}',
    });
    expect(mapped.sms.templateCodes).toEqual({ 'petitioner.reply-served': 'SMS_460123456' });
    expect(() =>
      loadChannelsConfig(platform('production'), { ...env, SMS_TEMPLATE_CODES: '{"petitioner.reply-served":"460123456"}' }),
    ).toThrow('a TemplateCode');
    expect(() => loadChannelsConfig(platform('production'), { ...env, SMS_TEMPLATE_CODES: '{oops' })).toThrow('not valid JSON');
    expect(() => loadChannelsConfig(platform('production'), { ...env, SMTP_PASSWORD: undefined })).toThrow(
      'SMTP_USER and SMTP_PASSWORD: both or neither',
    );
  });
});
