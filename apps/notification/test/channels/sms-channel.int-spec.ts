import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { previewConfig } from '@sunshine/platform';
import { type RunningSmsGateway, type SmsReportPush, startSmsGateway } from '@sunshine/testing';

import type { OutboundMessage } from '../../src/channels/channel';
import { loadChannelsConfig } from '../../src/channels/channels-config';
import { rpcSignature } from '../../src/channels/sms/aliyun-signature';
import { AliyunSmsProvider } from '../../src/channels/sms/aliyun-sms.provider';

const KEY = { id: 'int-key-id', secret: 'int-key-secret-7f3a' };
const TEMPLATES = { SMS_REPLY_SERVED: '您的信访事项${caseNumber}已答复，请凭查询码登录查看：${link}', SMS_SUNSHINE_NOTICE: '${text}' };

function provider(gateway: RunningSmsGateway, secret = KEY.secret, env: NodeJS.ProcessEnv = {}): AliyunSmsProvider {
  const config = loadChannelsConfig(previewConfig('notification'), {
    SMS_ENDPOINT: gateway.url,
    SMS_ACCESS_KEY_ID: KEY.id,
    SMS_ACCESS_KEY_SECRET: secret,
    SMS_SIGN_NAME: '延津县信访局',
    SMS_TIMEOUT_MS: '2000',
    ...env,
  });
  return new AliyunSmsProvider(config);
}

function message(deliveryId: string, over: Partial<OutboundMessage> = {}): OutboundMessage {
  return {
    deliveryId,
    channel: 'sms',
    to: '13800138000',
    kind: 'petitioner.reply-served',
    subject: '答复已送达',
    text: '您的信访事项410726-2026-000123已答复，请凭查询码登录查看：https://xf.example/q/AB12',
    template: { id: 'SMS_REPLY_SERVED', params: { caseNumber: '410726-2026-000123', link: 'https://xf.example/q/AB12' } },
    ...over,
  };
}

describe('SMS channel against the local gateway (Alibaba Cloud SendSms)', () => {
  let gateway: RunningSmsGateway;
  let receiver: Server;
  const received: SmsReportPush[][] = [];

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as SmsReportPush[]);
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"code":0,"msg":"接收成功"}');
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', () => r()));
    const port = (receiver.address() as AddressInfo).port;
    gateway = await startSmsGateway({
      accessKeyId: KEY.id,
      accessKeySecret: KEY.secret,
      signNames: ['延津县信访局'],
      templates: TEMPLATES,
      reportUrl: `http://127.0.0.1:${port}/callbacks/sms/reports?token=t`,
      reportDelayMs: 10,
    });
  });

  afterAll(async () => {
    await gateway.close();
    await new Promise<void>((r) => receiver.close(() => r()));
  });

  beforeEach(() => {
    gateway.mode = 'normal';
  });

  it('is accepted with the BizId the gateway gave, OutId = deliveryId, the template rendered under the signature', async () => {
    const result = await provider(gateway).send(message('d-accept-1'));
    const [sms] = gateway.accepted.filter((m) => m.outId === 'd-accept-1');
    expect(result).toEqual({ outcome: 'accepted', providerId: sms?.bizId });
    expect(sms?.phoneNumbers).toBe('13800138000');
    expect(sms?.text).toBe('【延津县信访局】您的信访事项410726-2026-000123已答复，请凭查询码登录查看：https://xf.example/q/AB12');
    // 【延津县信访局】 (8) + 您的信访事项 (6) + the case number (18) + 已答复， (4) + 请凭查询码登录查看： (10) + the link (25) = 71:
    // one over 70, so two parts of 67.
    expect(sms?.segments).toBe(2);
  });

  it('pushes the delivery report with phone, success, biz_id and out_id to the callback URL', async () => {
    await provider(gateway).send(message('d-report-1'));
    const bizId = gateway.accepted.find((m) => m.outId === 'd-report-1')?.bizId;
    await waitFor(() => received.flat().some((r) => r.out_id === 'd-report-1'));
    const report = received.flat().find((r) => r.out_id === 'd-report-1');
    expect(report).toMatchObject({
      phone_number: '13800138000',
      success: true,
      err_code: 'DELIVERED',
      biz_id: bizId,
      out_id: 'd-report-1',
      sms_size: '2',
    });
    expect(report?.report_time).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
  });

  it('takes the number with +86 or 0086 and refuses one that is not a mainland mobile before calling', async () => {
    expect((await provider(gateway).send(message('d-plus86', { to: '+8613800138000' }))).outcome).toBe('accepted');
    expect((await provider(gateway).send(message('d-0086', { to: '008613800138000' }))).outcome).toBe('accepted');
    expect(await provider(gateway).send(message('d-landline', { to: '03737123456' }))).toEqual({
      outcome: 'rejected',
      reason: 'not a mainland mobile number',
    });
    expect(gateway.countFor('d-landline')).toBe(0);
  });

  it('records the same OutId twice when it is sent twice (the duplicate is visible)', async () => {
    await provider(gateway).send(message('d-twice'));
    await provider(gateway).send(message('d-twice'));
    expect(gateway.countFor('d-twice')).toBe(2);
  });

  it('is rejected with SignatureDoesNotMatch when signed with another secret, and nothing is recorded', async () => {
    const result = await provider(gateway, 'a-wrong-secret').send(message('d-badsig'));
    expect(result.outcome).toBe('rejected');
    expect(result.outcome === 'rejected' && result.reason).toMatch(/^HTTP 400 SignatureDoesNotMatch: Specified signature is not matched/);
    expect(gateway.countFor('d-badsig')).toBe(0);
  });

  it('retries a minute later when the gateway throttles (isv.BUSINESS_LIMIT_CONTROL)', async () => {
    gateway.mode = 'throttle';
    expect(await provider(gateway).send(message('d-throttle'))).toEqual({
      outcome: 'retry',
      reason: 'HTTP 200 isv.BUSINESS_LIMIT_CONTROL: 触发分钟级流控Permits:1',
      retryAfterMs: 60_000,
    });
    expect(gateway.countFor('d-throttle')).toBe(0);
  });

  it('retries when the gateway fails with HTTP 500', async () => {
    gateway.mode = 'fail';
    const result = await provider(gateway).send(message('d-fail'));
    expect(result).toEqual({
      outcome: 'retry',
      reason: 'HTTP 500 isp.SYSTEM_ERROR: The request processing has failed due to some unknown error.',
    });
  });

  it('retries when the gateway is down, and is accepted once it is up again', async () => {
    await gateway.down();
    const result = await provider(gateway).send(message('d-down'));
    expect(result.outcome).toBe('retry');
    expect(result.outcome === 'retry' && result.reason).toMatch(/^no answer from the SMS provider/);
    await gateway.up();
    expect((await provider(gateway).send(message('d-down'))).outcome).toBe('accepted');
    expect(gateway.countFor('d-down')).toBe(1);
  });

  it('is rejected when a template parameter is missing (isv.TEMPLATE_MISSING_PARAMETERS)', async () => {
    const result = await provider(gateway).send(
      message('d-tpl', { template: { id: 'SMS_REPLY_SERVED', params: { caseNumber: '410726-2026-000123' } } }),
    );
    expect(result).toEqual({ outcome: 'rejected', reason: 'HTTP 200 isv.TEMPLATE_MISSING_PARAMETERS: 模板缺少变量: link' });
  });

  it('is rejected for a template the provider does not know', async () => {
    expect((await provider(gateway).send(message('d-unknown', { template: { id: 'SMS_NOPE', params: {} } }))).outcome).toBe('rejected');
    expect(gateway.countFor('d-unknown')).toBe(0);
  });

  it('sends a notice kind with the TemplateCode configured for it', async () => {
    const mapped = provider(gateway, KEY.secret, { SMS_TEMPLATE_CODES: JSON.stringify({ 'petitioner.reply-served': 'SMS_REPLY_SERVED' }) });
    const msg = message('d-mapped');
    expect((await mapped.send({ ...msg, template: { id: 'petitioner.reply-served', params: msg.template?.params ?? {} } })).outcome).toBe(
      'accepted',
    );
    expect(gateway.accepted.find((m) => m.outId === 'd-mapped')?.templateCode).toBe('SMS_REPLY_SERVED');
  });

  it('outside production, sends a kind without its own template as the catch-all template with the whole text', async () => {
    const msg = message('d-fallback');
    expect((await provider(gateway).send({ ...msg, template: { id: 'petitioner.reply-served', params: {} } })).outcome).toBe('accepted');
    const sms = gateway.accepted.find((m) => m.outId === 'd-fallback');
    expect(sms?.templateCode).toBe('SMS_SUNSHINE_NOTICE');
    expect(sms?.text).toBe('【延津县信访局】您的信访事项410726-2026-000123已答复，请凭查询码登录查看：https://xf.example/q/AB12');
  });

  it('never sends a kind without a template when there is no catch-all (production)', async () => {
    const config = loadChannelsConfig(previewConfig('notification'), {
      SMS_ENDPOINT: gateway.url,
      SMS_ACCESS_KEY_ID: KEY.id,
      SMS_ACCESS_KEY_SECRET: KEY.secret,
    });
    const strict = new AliyunSmsProvider({ ...config, sms: { ...config.sms, fallbackTemplateCode: null } });
    const msg = message('d-strict');
    expect(await strict.send({ ...msg, template: { id: 'petitioner.reply-served', params: {} } })).toEqual({
      outcome: 'rejected',
      reason: 'no SMS template for petitioner.reply-served: the provider sends registered templates only (SMS_TEMPLATE_CODES)',
    });
    const { template: _, ...free } = message('d-free');
    expect((await strict.send(free)).outcome).toBe('rejected');
    expect(gateway.countFor('d-strict') + gateway.countFor('d-free')).toBe(0);
  });

  it('refuses a replayed SignatureNonce and a request without PhoneNumbers, as the provider does', async () => {
    const p = provider(gateway);
    const signed = p.signedParams(message('d-replay'), new Date(), 'nonce-replayed-0001');
    const post = (params: Record<string, string>) => fetch(gateway.url, { method: 'POST', body: new URLSearchParams(params) });
    expect((await post(signed)).status).toBe(200);
    const replay = await post(signed);
    expect(replay.status).toBe(400);
    expect(await replay.json()).toMatchObject({ Code: 'SignatureNonceUsed' });
    const {
      PhoneNumbers: _phone,
      Signature: _signature,
      ...noPhone
    } = p.signedParams(message('d-nophone'), new Date(), 'nonce-nophone-0001');
    const missing = await post({ ...noPhone, Signature: rpcSignature('POST', noPhone, KEY.secret) });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({ Code: 'MissingPhoneNumbers', Message: 'PhoneNumbers is mandatory for this action.' });
  });

  it('in doubt: QuerySendDetails finds an OutId the provider took, so it is recorded accepted and not sent again', async () => {
    const sms = provider(gateway);
    expect((await sms.send(message('d-doubt-sent', { to: '13900139001' }))).outcome).toBe('accepted');
    expect(await sms.inDoubt(message('d-doubt-sent', { to: '13900139001' }))).toEqual({
      outcome: 'accepted',
      providerId: 'OutId:d-doubt-sent',
    });
    expect(gateway.countFor('d-doubt-sent')).toBe(1);
  });

  it('in doubt: no record with that OutId (another one to the same number does not count) → null, send it', async () => {
    const sms = provider(gateway);
    expect((await sms.send(message('d-doubt-other', { to: '13900139002' }))).outcome).toBe('accepted');
    expect(await sms.inDoubt(message('d-doubt-never', { to: '13900139002' }))).toBeNull();
    expect(gateway.countFor('d-doubt-never')).toBe(0);
  });

  it('in doubt: a message sent to +86… is found by its 11-digit number (the query takes no prefix)', async () => {
    const sms = provider(gateway);
    expect((await sms.send(message('d-doubt-plus86', { to: '+8613900139005' }))).outcome).toBe('accepted');
    expect(await sms.inDoubt(message('d-doubt-plus86', { to: '+8613900139005' }))).toEqual({
      outcome: 'accepted',
      providerId: 'OutId:d-doubt-plus86',
    });
    expect(gateway.countFor('d-doubt-plus86')).toBe(1);
  });

  it('QuerySendDetails refuses a number with +86 and another API version, as the provider does', async () => {
    const sms = provider(gateway);
    const day = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10).replace(/-/g, '');
    const { Signature: _unused, ...query } = sms.signedQuery('13900139005', day, 1, new Date(), 'nonce-query-plus86');
    const plus86 = { ...query, PhoneNumber: '+8613900139005' };
    const refused = await fetch(gateway.url, {
      method: 'POST',
      body: new URLSearchParams({ ...plus86, Signature: rpcSignature('POST', plus86, KEY.secret) }),
    });
    expect(await refused.json()).toMatchObject({ Code: 'isv.MOBILE_NUMBER_ILLEGAL' });
    const old = { ...query, SignatureNonce: 'nonce-query-version', Version: '2016-09-27' };
    const version = await fetch(gateway.url, {
      method: 'POST',
      body: new URLSearchParams({ ...old, Signature: rpcSignature('POST', old, KEY.secret) }),
    });
    expect([version.status, ((await version.json()) as { Code: string }).Code]).toEqual([400, 'InvalidVersion']);
  });

  it('in doubt: the provider failing the query → retry, never a blind send', async () => {
    gateway.mode = 'fail';
    const result = await provider(gateway).inDoubt(message('d-doubt-down', { to: '13900139003' }));
    expect(result).toEqual({
      outcome: 'retry',
      reason: 'QuerySendDetails: HTTP 500 isp.SYSTEM_ERROR: The request processing has failed due to some unknown error.',
    });
    expect(gateway.countFor('d-doubt-down')).toBe(0);
  });

  it('QuerySendDetails answers as documented: SmsSendDetailDTOs with OutId, SendStatus 3 once the report said delivered', async () => {
    const sms = provider(gateway);
    await sms.send(message('d-query-1', { to: '13900139004' }));
    const bizId = gateway.accepted.find((m) => m.outId === 'd-query-1')?.bizId ?? '';
    await waitFor(() => gateway.pushes.some((p) => p.reports.some((r) => r.biz_id === bizId)));
    const day = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10).replace(/-/g, '');
    const params: Record<string, string> = {
      AccessKeyId: KEY.id,
      Action: 'QuerySendDetails',
      Format: 'JSON',
      RegionId: 'cn-hangzhou',
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: 'nonce-query-0001',
      SignatureVersion: '1.0',
      Timestamp: `${new Date().toISOString().slice(0, 19)}Z`,
      Version: '2017-05-25',
      PhoneNumber: '13900139004',
      SendDate: day,
      PageSize: '10',
      CurrentPage: '1',
      BizId: bizId,
    };
    const res = await fetch(gateway.url, {
      method: 'POST',
      body: new URLSearchParams({ ...params, Signature: rpcSignature('POST', params, KEY.secret) }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      Code: 'OK',
      TotalCount: '1',
      SmsSendDetailDTOs: {
        SmsSendDetailDTO: [
          { PhoneNum: '13900139004', OutId: 'd-query-1', SendStatus: 3, ErrCode: 'DELIVERED', TemplateCode: 'SMS_REPLY_SERVED' },
        ],
      },
    });
    const forged = await fetch(gateway.url, {
      method: 'POST',
      body: new URLSearchParams({ ...params, SignatureNonce: 'nonce-query-0002', Signature: rpcSignature('POST', params, 'wrong') }),
    });
    expect(forged.status).toBe(400);
    expect(await forged.json()).toMatchObject({ Code: 'SignatureDoesNotMatch' });
  });

  it('refuses a Timestamp more than 15 minutes off', async () => {
    const signed = provider(gateway).signedParams(message('d-old'), new Date(Date.now() - 16 * 60_000), 'nonce-old-0001');
    const res = await fetch(gateway.url, { method: 'POST', body: new URLSearchParams(signed) });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ Code: 'InvalidTimeStamp.Expired' });
  });
});

async function waitFor(probe: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}
