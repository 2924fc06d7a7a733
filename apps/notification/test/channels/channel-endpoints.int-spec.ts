import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { Module } from '@nestjs/common';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { createKafka, HttpErrorFilter, loadPlatformConfig, PlatformModule, type StaffRole, verifyBodySignature } from '@sunshine/platform';
import {
  DEMO_UNITS,
  dropTestRun,
  eventually,
  http,
  infraEnv,
  type JsonResponse,
  type RunningSmsGateway,
  startSmsGateway,
  TestKeys,
  uniquePrefix,
} from '@sunshine/testing';
import { Client } from 'pg';

import { CHANNELS_CONFIG, type ChannelsConfig, loadChannelsConfig } from '../../src/channels/channels-config';
import { ExternalChannelsModule } from '../../src/channels/external-channels.module';
import { UnitMailboxStore } from '../../src/channels/mailbox/unit-mailbox.store';
import { AliyunSmsProvider } from '../../src/channels/sms/aliyun-sms.provider';
import type { SmsDeliveryReport } from '../../src/channels/sms/sms-report';
import { SmsReportHook } from '../../src/channels/sms/sms-report.hook';
import { UnitWebhookStore } from '../../src/channels/webhook/unit-webhook.store';
import { WebhookChannelProvider } from '../../src/channels/webhook/webhook-channel.provider';
import { NotificationUnitWebhooks1765100000000 } from '../../src/migrations/1765100000000-notification-unit-webhooks';
import { NotificationUnitMailboxes1796400000000 } from '../../src/migrations/1796400000000-notification-unit-mailboxes';

const REPORT_TOKEN = 'int-report-token-0123456789';
const SMS_KEY = { id: 'int-sms-key', secret: 'int-sms-secret' };
const DONGTUN = DEMO_UNITS.dongtun;
const HOOK_URL_QUERY = '?access_token=robot-token-9f8e7d';

/** The external channels' module on the platform (its own migration only), in this process, on the real PostgreSQL. */
describe('channel endpoints: units’ webhooks and mailboxes and the SMS report callback', () => {
  const prefix = uniquePrefix('nc');
  const kafka = createKafka(`notification-channels-${prefix}`, infraEnv().kafkaBrokers);
  let keys: TestKeys;
  let app: NestFastifyApplication;
  let url = '';
  let db: Client;
  let gateway: RunningSmsGateway;
  let receiver: Server;
  let receiverUrl = '';
  const hooks: Array<{ body: string; valid: boolean; secretUsed: string }> = [];
  let currentSecret = '';
  let channels: ChannelsConfig;

  beforeAll(async () => {
    keys = await TestKeys.create();
    receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const valid = verifyBodySignature(
          currentSecret,
          String(req.headers['x-sunshine-timestamp']),
          body,
          String(req.headers['x-sunshine-signature']),
        );
        hooks.push({ body, valid, secretUsed: currentSecret });
        res.writeHead(valid && req.url === `/robot/send${HOOK_URL_QUERY}` ? 200 : 401).end();
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', () => r()));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
    gateway = await startSmsGateway({
      accessKeyId: SMS_KEY.id,
      accessKeySecret: SMS_KEY.secret,
      signNames: ['阳光信访局'],
      templates: { SMS_T1: '您的信访事项${caseNumber}已受理' },
    });
    const infra = infraEnv();
    const env: NodeJS.ProcessEnv = {
      TZ: 'UTC',
      NODE_ENV: 'test',
      PORT: '0',
      LOG_LEVEL: 'warn',
      DATABASE_URL: infra.databaseUrl,
      DB_SCHEMA_PREFIX: prefix,
      KAFKA_BROKERS: infra.kafkaBrokers.join(','),
      KAFKA_TOPIC_PREFIX: prefix,
      REDIS_URL: infra.redisUrl,
      ...keys.env('notification'),
    };
    const config = loadPlatformConfig('notification', env);
    @Module({
      imports: [
        PlatformModule.forRoot(config, { migrations: [NotificationUnitWebhooks1765100000000, NotificationUnitMailboxes1796400000000] }),
        ExternalChannelsModule,
      ],
    })
    class ChannelsTestModule {}
    channels = loadChannelsConfig(config, {
      ...env,
      SMS_REPORT_TOKEN: REPORT_TOKEN,
      SMS_ENDPOINT: gateway.url,
      SMS_ACCESS_KEY_ID: SMS_KEY.id,
      SMS_ACCESS_KEY_SECRET: SMS_KEY.secret,
    });
    const moduleRef = await Test.createTestingModule({ imports: [ChannelsTestModule] })
      .overrideProvider(CHANNELS_CONFIG)
      .useValue(channels)
      .compile();
    app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), { logger: ['error'] });
    app.useGlobalFilters(new HttpErrorFilter());
    await app.listen({ port: 0, host: '127.0.0.1' });
    url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    db = new Client({ connectionString: infra.databaseUrl, options: `-c search_path=${prefix}_notification` });
    await db.connect();
  }, 120_000);

  afterAll(async () => {
    await app?.close().catch(() => undefined);
    await db?.end().catch(() => undefined);
    await gateway?.close();
    await new Promise<void>((r) => receiver.close(() => r()));
    await dropTestRun(prefix, kafka);
  }, 60_000);

  async function call<T = Record<string, unknown>>(
    method: string,
    path: string,
    unitId: string,
    roles: StaffRole[],
    body?: unknown,
  ): Promise<JsonResponse<T>> {
    const token = await keys.token({ sub: `${unitId}-${roles.join('-')}`, unit: unitId, division: unitId.slice(0, 12), roles });
    return http<T>(method, `${url}${path}`, { token, body });
  }

  describe('PUT/GET/DELETE /units/{unitId}/webhook', () => {
    it('lets the unit’s admin set it; a generated secret is shown once, then only its last 4 characters', async () => {
      const put = await call<{ url: string; secret: string; generatedSecret: string; updatedBy: string }>(
        'PUT',
        `/units/${DONGTUN}/webhook`,
        DONGTUN,
        ['admin'],
        { url: `${receiverUrl}/robot/send${HOOK_URL_QUERY}` },
      );
      expect(put.status).toBe(200);
      expect(put.body.generatedSecret).toMatch(/^[A-Za-z0-9_-]{43}$/);
      currentSecret = put.body.generatedSecret;
      expect(put.body).toMatchObject({
        url: `${receiverUrl}/robot/send?…`,
        secret: `••••${currentSecret.slice(-4)}`,
        updatedBy: `${DONGTUN}-admin`,
      });
      const get = await call('GET', `/units/${DONGTUN}/webhook`, DONGTUN, ['admin']);
      expect(get.status).toBe(200);
      expect(get.body).toEqual({
        unitId: DONGTUN,
        url: `${receiverUrl}/robot/send?…`,
        secret: `••••${currentSecret.slice(-4)}`,
        updatedBy: `${DONGTUN}-admin`,
        updatedAt: expect.any(String),
      });
    });

    it('keeps URL and secret sealed at rest (neither in clear in the table)', async () => {
      const { rows } = await db.query<Record<string, string>>(`SELECT * FROM unit_webhooks WHERE unit_id = $1`, [DONGTUN]);
      const stored = JSON.stringify(rows);
      expect(rows).toHaveLength(1);
      expect(stored).not.toContain(currentSecret);
      expect(stored).not.toContain('robot-token-9f8e7d');
      expect(rows[0]?.['secret_sealed']).toMatch(/^v1\.dev\./);
    });

    it('gives the delivery worker URL and secret in clear, and a notice sent with them carries a valid HMAC', async () => {
      const target = await app.get(UnitWebhookStore).target(DONGTUN);
      expect(target).toEqual({ url: `${receiverUrl}/robot/send${HOOK_URL_QUERY}`, secret: currentSecret });
      const result = await app.get(WebhookChannelProvider).send({
        deliveryId: 'd-unit-hook-1',
        channel: 'webhook',
        kind: 'unit.case-arrived',
        to: target?.url ?? '',
        secret: target?.secret,
        subject: '新信访事项到达',
        text: '信访事项 410726-2026-000123 已转送贵单位。',
      });
      expect(result).toEqual({ outcome: 'accepted', providerId: 'HTTP 200' });
      expect(hooks.at(-1)?.valid).toBe(true);
    });

    it('takes a secret the admin gives, and replaces the URL', async () => {
      const put = await call('PUT', `/units/${DONGTUN}/webhook`, DONGTUN, ['admin'], {
        url: 'https://oapi.example.com/hook',
        secret: 'given-secret-0123456789',
      });
      expect(put.status).toBe(200);
      expect(put.body).toMatchObject({ url: 'https://oapi.example.com/hook', secret: '••••6789' });
      expect(put.body).not.toHaveProperty('generatedSecret');
      expect(await app.get(UnitWebhookStore).target(DONGTUN)).toEqual({
        url: 'https://oapi.example.com/hook',
        secret: 'given-secret-0123456789',
      });
    });

    it('refuses another unit’s admin (403 UNIT_ADMIN_ONLY) and the unit’s clerk (403 ROLE_REQUIRED)', async () => {
      const other = await call('GET', `/units/${DONGTUN}/webhook`, DEMO_UNITS.countyBureau, ['admin']);
      expect(other.status).toBe(403);
      expect(other.body).toMatchObject({ code: 'UNIT_ADMIN_ONLY', message: { zh: '只有本单位的管理员可以设置本单位的推送地址' } });
      const overwrite = await call('PUT', `/units/${DONGTUN}/webhook`, DEMO_UNITS.countyBureau, ['admin'], {
        url: 'https://evil.example/x',
      });
      expect(overwrite.status).toBe(403);
      const clerk = await call('DELETE', `/units/${DONGTUN}/webhook`, DONGTUN, ['clerk', 'head']);
      expect(clerk.status).toBe(403);
      expect(clerk.body).toMatchObject({ code: 'ROLE_REQUIRED' });
      expect(await app.get(UnitWebhookStore).target(DONGTUN)).toEqual({
        url: 'https://oapi.example.com/hook',
        secret: 'given-secret-0123456789',
      });
    });

    it('refuses a URL that is not http(s), a URL with credentials and a short secret (400, each field named)', async () => {
      for (const body of [
        { url: 'ftp://example.org/x' },
        { url: 'https://u:p@example.org/x' },
        { url: 'https://example.org/x', secret: 'short' },
        { url: 'https://example.org/x', extra: 1 },
      ]) {
        const res = await call('PUT', `/units/${DONGTUN}/webhook`, DONGTUN, ['admin'], body);
        expect(res.status).toBe(400);
        expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED' });
      }
    });

    it('deletes it (204); then GET and DELETE answer 404 WEBHOOK_NOT_SET', async () => {
      expect((await call('DELETE', `/units/${DONGTUN}/webhook`, DONGTUN, ['admin'])).status).toBe(204);
      const get = await call('GET', `/units/${DONGTUN}/webhook`, DONGTUN, ['admin']);
      expect(get.status).toBe(404);
      expect(get.body).toMatchObject({ code: 'WEBHOOK_NOT_SET', message: { zh: '本单位尚未设置推送地址' } });
      expect((await call('DELETE', `/units/${DONGTUN}/webhook`, DONGTUN, ['admin'])).status).toBe(404);
      expect(await app.get(UnitWebhookStore).target(DONGTUN)).toBeNull();
    });
  });

  describe('PUT/GET/DELETE /units/{unitId}/mailbox', () => {
    it('lets the unit’s admin set it, shown masked; the delivery worker gets it in clear; replaced by a second PUT', async () => {
      const put = await call('PUT', `/units/${DONGTUN}/mailbox`, DONGTUN, ['admin'], { address: 'xfb@dongtun.yanjin.gov.cn' });
      expect(put.status).toBe(200);
      expect(put.body).toMatchObject({ unitId: DONGTUN, address: 'x***@dongtun.yanjin.gov.cn', updatedBy: `${DONGTUN}-admin` });
      const get = await call('GET', `/units/${DONGTUN}/mailbox`, DONGTUN, ['admin']);
      expect([get.status, get.body['address']]).toEqual([200, 'x***@dongtun.yanjin.gov.cn']);
      expect(await app.get(UnitMailboxStore).address(DONGTUN)).toBe('xfb@dongtun.yanjin.gov.cn');
      const again = await call('PUT', `/units/${DONGTUN}/mailbox`, DONGTUN, ['admin'], { address: 'office@dongtun.yanjin.gov.cn' });
      expect([again.status, again.body['address']]).toEqual([200, 'o***@dongtun.yanjin.gov.cn']);
      expect(await app.get(UnitMailboxStore).address(DONGTUN)).toBe('office@dongtun.yanjin.gov.cn');
    });

    it('keeps the address sealed at rest (not in clear in the table)', async () => {
      const { rows } = await db.query<Record<string, string>>(`SELECT * FROM unit_mailboxes WHERE unit_id = $1`, [DONGTUN]);
      expect(rows).toHaveLength(1);
      expect(JSON.stringify(rows)).not.toContain('office@');
      expect(rows[0]?.['address_shown']).toBe('o***@dongtun.yanjin.gov.cn');
    });

    it('refuses another unit’s admin (403 UNIT_ADMIN_ONLY) and the unit’s clerk (403 ROLE_REQUIRED)', async () => {
      const other = await call('PUT', `/units/${DONGTUN}/mailbox`, DEMO_UNITS.countyBureau, ['admin'], { address: 'evil@example.org' });
      expect(other.status).toBe(403);
      expect(other.body).toMatchObject({ code: 'UNIT_ADMIN_ONLY', message: { zh: '只有本单位的管理员可以设置本单位的政务邮箱' } });
      const clerk = await call('GET', `/units/${DONGTUN}/mailbox`, DONGTUN, ['clerk', 'head']);
      expect([clerk.status, clerk.body['code']]).toEqual([403, 'ROLE_REQUIRED']);
      expect(await app.get(UnitMailboxStore).address(DONGTUN)).toBe('office@dongtun.yanjin.gov.cn');
    });

    it('refuses what is not an e-mail address (400 VALIDATION_FAILED)', async () => {
      for (const body of [{ address: 'not-an-address' }, { address: 'a@b' }, {}, { address: 'xfb@dongtun.yanjin.gov.cn', extra: 1 }]) {
        const res = await call('PUT', `/units/${DONGTUN}/mailbox`, DONGTUN, ['admin'], body);
        expect([JSON.stringify(body), res.status, res.body['code']]).toEqual([JSON.stringify(body), 400, 'VALIDATION_FAILED']);
      }
    });

    it('deletes it (204); then GET and DELETE answer 404 MAILBOX_NOT_SET', async () => {
      expect((await call('DELETE', `/units/${DONGTUN}/mailbox`, DONGTUN, ['admin'])).status).toBe(204);
      const get = await call('GET', `/units/${DONGTUN}/mailbox`, DONGTUN, ['admin']);
      expect(get.status).toBe(404);
      expect(get.body).toMatchObject({ code: 'MAILBOX_NOT_SET', message: { zh: '本单位尚未设置政务邮箱' } });
      expect((await call('DELETE', `/units/${DONGTUN}/mailbox`, DONGTUN, ['admin'])).status).toBe(404);
      expect(await app.get(UnitMailboxStore).address(DONGTUN)).toBeNull();
    });
  });

  describe('POST /callbacks/sms/reports', () => {
    const report = [
      {
        phone_number: '13800138000',
        send_time: '2026-12-02 10:00:00',
        report_time: '2026-12-02 10:00:07',
        success: false,
        err_code: 'MK:0001',
        err_msg: '用户关机',
        sms_size: '2',
        biz_id: '1764640800000123456^0',
        out_id: 'd-report-cb-1',
      },
    ];
    const recorded: SmsDeliveryReport[] = [];
    let recorderFails = false;

    it('refuses a push without the token or with another one (401 CALLBACK_TOKEN_INVALID)', async () => {
      const none = await http('POST', `${url}/callbacks/sms/reports`, { body: report });
      expect(none.status).toBe(401);
      expect(none.body).toMatchObject({ code: 'CALLBACK_TOKEN_INVALID', message: { zh: '回执推送令牌缺失或无效' } });
      expect((await http('POST', `${url}/callbacks/sms/reports?token=wrong-token-0123456789`, { body: report })).status).toBe(401);
    });

    it('answers 503 (the provider pushes again) while no recorder is registered', async () => {
      const res = await http('POST', `${url}/callbacks/sms/reports?token=${REPORT_TOKEN}`, { body: report });
      expect(res.status).toBe(503);
      expect(res.body).toMatchObject({ code: 'REPORTS_NOT_READY' });
    });

    it('hands each report to the recorder by out_id, the phone masked and the Beijing time as UTC, and acknowledges as documented', async () => {
      app.get(SmsReportHook).register(async (r) => {
        if (recorderFails) throw new Error('database down');
        recorded.push(r);
      });
      const res = await http('POST', `${url}/callbacks/sms/reports`, {
        body: report,
        headers: { 'x-sunshine-callback-token': REPORT_TOKEN },
      });
      expect(res).toEqual({ status: 200, body: { code: 0, msg: '接收成功' } });
      expect(recorded).toEqual([
        {
          deliveryId: 'd-report-cb-1',
          bizId: '1764640800000123456^0',
          delivered: false,
          code: 'MK:0001',
          message: '用户关机',
          reportedAt: new Date('2026-12-02T02:00:07.000Z'),
          segments: 2,
          phoneMasked: '138****8000',
        },
      ]);
    });

    it('answers 503 when the recorder fails, so the provider pushes again', async () => {
      const failing = [{ ...report[0], out_id: 'd-recorder-fails' }];
      recorderFails = true;
      try {
        const res = await http('POST', `${url}/callbacks/sms/reports?token=${REPORT_TOKEN}`, { body: failing });
        expect(res.status).toBe(503);
        expect(res.body).toMatchObject({ code: 'REPORTS_NOT_READY' });
      } finally {
        recorderFails = false;
      }
      expect(recorded.some((r) => r.deliveryId === 'd-recorder-fails')).toBe(false);
    });

    it('refuses a malformed push (400)', async () => {
      const res = await http('POST', `${url}/callbacks/sms/reports?token=${REPORT_TOKEN}`, { body: [{ success: 'yes' }] });
      expect(res.status).toBe(400);
    });

    it('receives the report the local gateway pushes after a real SendSms', async () => {
      const pushTo = await startSmsGateway({
        accessKeyId: SMS_KEY.id,
        accessKeySecret: SMS_KEY.secret,
        signNames: ['阳光信访局'],
        templates: { SMS_T1: '您的信访事项${caseNumber}已受理' },
        reportUrl: `${url}/callbacks/sms/reports?token=${REPORT_TOKEN}`,
        reportDelayMs: 10,
      });
      try {
        const sms = new AliyunSmsProvider({ ...channels, sms: { ...channels.sms, endpoint: pushTo.url } });
        const sent = await sms.send({
          deliveryId: 'd-gw-report-1',
          channel: 'sms',
          to: '13900139000',
          kind: 'petitioner.accepted',
          subject: '受理告知',
          text: '您的信访事项410726-2026-000123已受理',
          template: { id: 'SMS_T1', params: { caseNumber: '410726-2026-000123' } },
        });
        expect(sent.outcome).toBe('accepted');
        const got = await eventually(async () => recorded.find((r) => r.deliveryId === 'd-gw-report-1'), 10_000, 'the pushed report');
        expect(got).toMatchObject({
          delivered: true,
          code: 'DELIVERED',
          phoneMasked: '139****9000',
          segments: 1,
          bizId: sent.outcome === 'accepted' ? sent.providerId : '',
        });
        expect(pushTo.pushes.map((p) => p.status)).toEqual([200]);
      } finally {
        await pushTo.close();
      }
    });
  });
});
