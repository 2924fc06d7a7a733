import { ConfigurationError, loadServiceEnv, type PlatformConfig } from '@sunshine/platform';
import { z } from 'zod';

const positiveInt = (fallback: number, max: number) => z.coerce.number().int().min(1).max(max).default(fallback);
const flag = z
  .enum(['true', 'false'])
  .default('false')
  .transform((s) => s === 'true');

/** The development key that seals webhook secrets when none is configured: refused in production. */
const DEV_SECRET_KEYS = `dev:${Buffer.from('sunshine-dev-only-webhook-secret').toString('base64')}`;
/** The local gateway's AccessKey pair (tools/sms-gateway): refused in production. */
const DEV_SMS_KEY = { id: 'sunshine-dev-key', secret: 'sunshine-dev-secret' };
/** The local gateway's catch-all template (`${text}`), used outside production for kinds without their own. */
const DEV_FALLBACK_TEMPLATE = 'SMS_SUNSHINE_NOTICE';

const schema = z.object({
  /** SMTP relay of the e-mail channel (nodemailer). */
  SMTP_HOST: z.string().min(1).default('127.0.0.1'),
  SMTP_PORT: positiveInt(2525, 65535),
  /** `true`: TLS from the first byte (port 465); else STARTTLS when the server offers it. */
  SMTP_SECURE: flag,
  SMTP_USER: z.string().optional(),
  SMTP_PASSWORD: z.string().optional(),
  /** The From address, e.g. `阳光信访 <noreply@xfj.example.gov.cn>`; its domain also ends every Message-ID. */
  MAIL_FROM: z.string().min(3).default('阳光信访 <noreply@sunshine.local>'),
  SMTP_TIMEOUT_MS: positiveInt(15_000, 120_000),
  /** The SMS provider's endpoint (Alibaba Cloud dysmsapi; the local gateway in development and tests). */
  SMS_ENDPOINT: z.url().default('http://127.0.0.1:3090/'),
  SMS_ACCESS_KEY_ID: z.string().min(1).default(DEV_SMS_KEY.id),
  SMS_ACCESS_KEY_SECRET: z.string().min(1).default(DEV_SMS_KEY.secret),
  /** 短信签名: the registered signature name shown as 【…】 before every text. */
  SMS_SIGN_NAME: z.string().min(2).max(20).default('阳光信访局'),
  SMS_REGION_ID: z.string().min(1).default('cn-hangzhou'),
  /** JSON: notice kind → the provider's registered TemplateCode, e.g. `{"petitioner.reply-served":"SMS_460123456"}`. */
  SMS_TEMPLATE_CODES: z
    .string()
    .default('{}')
    .transform((s, ctx) => {
      try {
        return JSON.parse(s) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'not valid JSON' });
        return z.NEVER;
      }
    })
    .pipe(z.record(z.string().min(1), z.string().regex(/^SMS_\w{1,40}$/, 'a TemplateCode, e.g. SMS_460123456'))),
  /** A template whose one parameter `text` is the whole rendered text, for kinds without their own; none in production. */
  SMS_FALLBACK_TEMPLATE_CODE: z
    .string()
    .regex(/^SMS_\w{1,40}$/)
    .optional(),
  SMS_TIMEOUT_MS: positiveInt(10_000, 120_000),
  /** The shared token the provider's report push must carry (query `token` or header `X-Sunshine-Callback-Token`). */
  SMS_REPORT_TOKEN: z.string().min(16).default('sunshine-dev-sms-report-token'),
  WEBHOOK_TIMEOUT_MS: positiveInt(10_000, 120_000),
  /** Whether a webhook may point into the platform's own network (loopback, private ranges). Default: not in production. */
  WEBHOOK_ALLOW_INTERNAL_TARGETS: z.enum(['true', 'false']).optional(),
  /** `keyId:base64(32 bytes)` entries sealing units' webhook secrets; older keys still open after rotation. */
  NOTIFICATION_SECRET_KEYS: z.string().min(1).optional(),
  NOTIFICATION_SECRET_CURRENT_KEY: z.string().min(1).optional(),
});

export interface ChannelsConfig {
  readonly smtp: {
    readonly host: string;
    readonly port: number;
    readonly secure: boolean;
    readonly auth?: { readonly user: string; readonly pass: string };
    readonly from: string;
    readonly timeoutMs: number;
  };
  readonly sms: {
    readonly endpoint: string;
    readonly accessKeyId: string;
    readonly accessKeySecret: string;
    readonly signName: string;
    readonly regionId: string;
    /** Notice kind → TemplateCode. */
    readonly templateCodes: Readonly<Record<string, string>>;
    /** Sends a kind without its own template as `{ text }`; null: such a kind is rejected. */
    readonly fallbackTemplateCode: string | null;
    readonly timeoutMs: number;
    readonly reportToken: string;
  };
  readonly webhook: { readonly timeoutMs: number; readonly allowInternalTargets: boolean };
  readonly secretKeys: { readonly spec: string; readonly current: string };
}

export const CHANNELS_CONFIG = Symbol('CHANNELS_CONFIG');

/** The external channels' settings (SMTP, SMS, webhooks), validated at start-up with every problem listed. */
export function loadChannelsConfig(platform: PlatformConfig, source: NodeJS.ProcessEnv = process.env): ChannelsConfig {
  const e = loadServiceEnv(schema, source);
  const problems: string[] = [];
  if (platform.env === 'production') {
    if (!e.NOTIFICATION_SECRET_KEYS) problems.push('NOTIFICATION_SECRET_KEYS: required in production (webhook secrets are sealed at rest)');
    if (e.SMS_ACCESS_KEY_SECRET === DEV_SMS_KEY.secret)
      problems.push('SMS_ACCESS_KEY_SECRET: the development secret is refused in production');
    if (source['SMS_REPORT_TOKEN'] === undefined) problems.push('SMS_REPORT_TOKEN: required in production');
  }
  if ((e.SMTP_USER === undefined) !== (e.SMTP_PASSWORD === undefined)) problems.push('SMTP_USER and SMTP_PASSWORD: both or neither');
  if (problems.length > 0) throw new ConfigurationError(problems);
  return {
    smtp: {
      host: e.SMTP_HOST,
      port: e.SMTP_PORT,
      secure: e.SMTP_SECURE,
      ...(e.SMTP_USER !== undefined && e.SMTP_PASSWORD !== undefined ? { auth: { user: e.SMTP_USER, pass: e.SMTP_PASSWORD } } : {}),
      from: e.MAIL_FROM,
      timeoutMs: e.SMTP_TIMEOUT_MS,
    },
    sms: {
      endpoint: e.SMS_ENDPOINT,
      accessKeyId: e.SMS_ACCESS_KEY_ID,
      accessKeySecret: e.SMS_ACCESS_KEY_SECRET,
      signName: e.SMS_SIGN_NAME,
      regionId: e.SMS_REGION_ID,
      templateCodes: e.SMS_TEMPLATE_CODES,
      fallbackTemplateCode: e.SMS_FALLBACK_TEMPLATE_CODE ?? (platform.env === 'production' ? null : DEV_FALLBACK_TEMPLATE),
      timeoutMs: e.SMS_TIMEOUT_MS,
      reportToken: e.SMS_REPORT_TOKEN,
    },
    webhook: {
      timeoutMs: e.WEBHOOK_TIMEOUT_MS,
      allowInternalTargets:
        e.WEBHOOK_ALLOW_INTERNAL_TARGETS === undefined ? platform.env !== 'production' : e.WEBHOOK_ALLOW_INTERNAL_TARGETS === 'true',
    },
    secretKeys: e.NOTIFICATION_SECRET_KEYS
      ? { spec: e.NOTIFICATION_SECRET_KEYS, current: e.NOTIFICATION_SECRET_CURRENT_KEY ?? e.NOTIFICATION_SECRET_KEYS.split(':')[0] ?? '' }
      : { spec: DEV_SECRET_KEYS, current: 'dev' },
  };
}
