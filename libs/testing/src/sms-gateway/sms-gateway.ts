/**
 * A local counterpart of Alibaba Cloud's SMS API (dysmsapi SendSms, QuerySendDetails) for development and tests: no real gateway is
 * reachable here. It checks a request as the provider documents it (the parameters, the AccessKeyId, the Timestamp
 * window, the SignatureNonce, then the HMAC-SHA1 signature recomputed with the known secret), answers like the provider
 * (`RequestId`, `BizId`, `Code`, `Message`), can throttle, fail with HTTP 500 or go down, records what it accepts (the
 * same OutId twice is accepted twice and recorded twice, so a test sees a duplicate) and pushes delivery reports
 * (SmsReport, HTTP batch push) to a callback URL. QuerySendDetails answers from what it accepted (OutId included), so
 * a sender in doubt after a crash can ask whether its OutId went out.
 *
 * Start it from a test with `startSmsGateway(options)`, or as a process: tools/sms-gateway/main.ts. Test hooks on
 * the process: `GET /_gateway/messages`, `POST /_gateway/mode` `{ "mode": "normal" | "throttle" | "fail" }`.
 */
import { randomInt, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

import { providerSignature, providerSmsSize, providerStringToSign } from './provider-signature';

export type GatewayMode = 'normal' | 'throttle' | 'fail';

export interface SmsGatewayOptions {
  /** 0: any free port. */
  readonly port?: number;
  readonly host?: string;
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  /** The signature names (短信签名) registered with the account. */
  readonly signNames: readonly string[];
  /** Registered templates: code → text with `${name}` placeholders (every placeholder must be given). */
  readonly templates: Readonly<Record<string, string>>;
  /** Where delivery reports are pushed (HTTP batch push), e.g. `http://127.0.0.1:3004/callbacks/sms/reports?token=…`. */
  readonly reportUrl?: string;
  /** Milliseconds between acceptance and the report push (default 50). */
  readonly reportDelayMs?: number;
}

/** A message the gateway accepted. */
export interface AcceptedSms {
  readonly bizId: string;
  readonly outId: string;
  readonly phoneNumbers: string;
  readonly signName: string;
  readonly templateCode: string;
  readonly templateParam: Readonly<Record<string, string>>;
  /** The text as the handset shows it: 【SignName】 and the rendered template. */
  readonly text: string;
  readonly segments: number;
  readonly receivedAt: Date;
}

/** One delivery report as the provider pushes it (SmsReport). */
export interface SmsReportPush {
  readonly phone_number: string;
  readonly send_time: string;
  readonly report_time: string;
  readonly success: boolean;
  readonly err_code: string;
  readonly err_msg: string;
  readonly sms_size: string;
  readonly biz_id: string;
  readonly out_id: string;
}

export interface RunningSmsGateway {
  readonly url: string;
  readonly port: number;
  mode: GatewayMode;
  /** Every accepted message, in order. */
  readonly accepted: readonly AcceptedSms[];
  /** Accepted messages with this OutId (2 or more: a duplicate). */
  countFor(outId: string): number;
  /** Every report push the callback answered, and how it answered. */
  readonly pushes: ReadonlyArray<{ readonly reports: readonly SmsReportPush[]; readonly status: number }>;
  /** Pushes a report for an accepted message now (e.g. a failed delivery: `{ success: false, errCode: 'MK:0001' }`). */
  pushReport(bizId: string, outcome?: { readonly success: boolean; readonly errCode?: string; readonly errMsg?: string }): Promise<number>;
  /** Stops listening (connections refused) until `up()`. */
  down(): Promise<void>;
  up(): Promise<void>;
  close(): Promise<void>;
}

const REQUIRED = ['AccessKeyId', 'Action', 'SignatureMethod', 'SignatureNonce', 'SignatureVersion', 'Timestamp', 'Version', 'Signature'];
const SEND_SMS_REQUIRED = ['PhoneNumbers', 'SignName', 'TemplateCode'];
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const SKEW_MS = 15 * 60_000;

interface Answer {
  readonly status: number;
  readonly body: Readonly<Record<string, unknown>>;
}

const QUERY_REQUIRED = ['PhoneNumber', 'SendDate', 'PageSize', 'CurrentPage'];

/** One record of QuerySendDetails' `SmsSendDetailDTOs.SmsSendDetailDTO` (SendStatus 1 waiting, 2 failed, 3 delivered). */
export interface SmsSendDetail {
  readonly PhoneNum: string;
  readonly SendStatus: 1 | 2 | 3;
  readonly ErrCode: string;
  readonly TemplateCode: string;
  readonly Content: string;
  readonly SendDate: string;
  readonly ReceiveDate: string;
  readonly OutId: string;
}

/** `2026-12-02 14:30:00` in Asia/Shanghai, as the provider writes times in reports. */
export function shanghaiTime(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
}

/** The 11-digit handset number of a mainland number SendSms took with +86, 0086 or 86 before it. */
function handsetNumber(phone: string): string {
  return phone.replace(/^(\+?86|0086)(?=1\d{10}$)/, '');
}

function render(template: string, params: Readonly<Record<string, string>>): string {
  return template.replace(/\$\{(\w+)\}/g, (_, name: string) => params[name] ?? '');
}

class Gateway {
  mode: GatewayMode = 'normal';
  readonly accepted: AcceptedSms[] = [];
  readonly pushes: Array<{ reports: SmsReportPush[]; status: number }> = [];
  private readonly nonces = new Set<string>();
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(private readonly options: SmsGatewayOptions) {}

  answer(method: string, params: Record<string, string>): Answer {
    const requestId = randomUUID().toUpperCase();
    const error = (status: number, code: string, message: string): Answer => ({
      status,
      body: { RequestId: requestId, HostId: 'dysmsapi.aliyuncs.com', Code: code, Message: message },
    });
    for (const name of REQUIRED) if (!params[name]) return error(400, `Missing${name}`, `${name} is mandatory for this action.`);
    if (params['AccessKeyId'] !== this.options.accessKeyId)
      return error(404, 'InvalidAccessKeyId.NotFound', 'Specified access key is not found.');
    if (params['SignatureMethod'] !== 'HMAC-SHA1' || params['SignatureVersion'] !== '1.0') {
      return error(400, 'InvalidSignatureMethod', 'Specified signature method (HMAC-SHA1, version 1.0) is not supported.');
    }
    const timestamp = params['Timestamp'] ?? '';
    if (!TIMESTAMP.test(timestamp))
      return error(400, 'InvalidTimeStamp.Format', 'Specified time stamp or date value is not well formatted.');
    if (Math.abs(Date.parse(timestamp) - Date.now()) > SKEW_MS)
      return error(400, 'InvalidTimeStamp.Expired', 'Specified time stamp or date value is expired.');
    const signed = method === 'GET' ? 'GET' : 'POST';
    if (providerSignature(signed, params, this.options.accessKeySecret) !== params['Signature']) {
      return error(
        400,
        'SignatureDoesNotMatch',
        `Specified signature is not matched with our calculation. server string to sign is:${providerStringToSign(signed, params)}`,
      );
    }
    const nonce = params['SignatureNonce'] ?? '';
    if (this.nonces.has(nonce)) return error(400, 'SignatureNonceUsed', 'Specified signature nonce was used already.');
    this.nonces.add(nonce);
    if (params['Action'] === 'QuerySendDetails') {
      if (params['Version'] !== '2017-05-25') return error(400, 'InvalidVersion', 'Specified parameter Version is not valid.');
      for (const name of QUERY_REQUIRED) if (!params[name]) return error(400, `Missing${name}`, `${name} is mandatory for this action.`);
      if (this.mode === 'fail') return error(500, 'isp.SYSTEM_ERROR', 'The request processing has failed due to some unknown error.');
      return this.querySendDetails(requestId, params);
    }
    if (params['Action'] !== 'SendSms')
      return error(404, 'InvalidAction.NotFound', 'Specified api is not found, please check your url and method.');
    if (params['Version'] !== '2017-05-25') return error(400, 'InvalidVersion', 'Specified parameter Version is not valid.');
    for (const name of SEND_SMS_REQUIRED) if (!params[name]) return error(400, `Missing${name}`, `${name} is mandatory for this action.`);
    if (this.mode === 'fail') return error(500, 'isp.SYSTEM_ERROR', 'The request processing has failed due to some unknown error.');
    if (this.mode === 'throttle')
      return { status: 200, body: { RequestId: requestId, Code: 'isv.BUSINESS_LIMIT_CONTROL', Message: '触发分钟级流控Permits:1' } };
    return this.sendSms(requestId, params);
  }

  private sendSms(requestId: string, params: Record<string, string>): Answer {
    const refuse = (code: string, message: string): Answer => ({
      status: 200,
      body: { RequestId: requestId, Code: code, Message: message },
    });
    const phone = params['PhoneNumbers'] ?? '';
    if (!/^(\+?86|0086)?1\d{10}$/.test(phone)) return refuse('isv.MOBILE_NUMBER_ILLEGAL', '非法手机号');
    const signName = params['SignName'] ?? '';
    if (!this.options.signNames.includes(signName)) return refuse('isv.SMS_SIGNATURE_ILLEGAL', '该账号下找不到对应签名');
    const template = this.options.templates[params['TemplateCode'] ?? ''];
    if (template === undefined) return refuse('isv.SMS_TEMPLATE_ILLEGAL', '该账号下找不到对应模板');
    let templateParam: Record<string, string> = {};
    try {
      templateParam = params['TemplateParam'] ? (JSON.parse(params['TemplateParam']) as Record<string, string>) : {};
    } catch {
      return refuse('isv.INVALID_JSON_PARAM', 'JSON参数不合法，只接受字符串值');
    }
    if (typeof templateParam !== 'object' || templateParam === null || Object.values(templateParam).some((v) => typeof v !== 'string')) {
      return refuse('isv.INVALID_JSON_PARAM', 'JSON参数不合法，只接受字符串值');
    }
    const missing = [...template.matchAll(/\$\{(\w+)\}/g)].map((m) => m[1] ?? '').filter((name) => !(name in templateParam));
    if (missing.length > 0) return refuse('isv.TEMPLATE_MISSING_PARAMETERS', `模板缺少变量: ${missing.join(',')}`);
    const bizId = `${Date.now()}${String(randomInt(1_000_000)).padStart(6, '0')}^0`;
    const text = render(template, templateParam);
    const message: AcceptedSms = {
      bizId,
      outId: params['OutId'] ?? '',
      phoneNumbers: phone,
      signName,
      templateCode: params['TemplateCode'] ?? '',
      templateParam,
      text: `【${signName}】${text}`,
      segments: providerSmsSize(`【${signName}】${text}`),
      receivedAt: new Date(),
    };
    this.accepted.push(message);
    this.scheduleReport(message);
    return { status: 200, body: { RequestId: requestId, BizId: bizId, Code: 'OK', Message: 'OK' } };
  }

  /**
   * QuerySendDetails: what was sent to PhoneNumber (one 11-digit mainland number; a message sent to +86… counts) on
   * SendDate (yyyyMMdd, Asia/Shanghai), optionally one BizId, a page (PageSize 1–50, CurrentPage from 1) of
   * `SmsSendDetailDTOs.SmsSendDetailDTO`, with the status its report gave.
   */
  private querySendDetails(requestId: string, params: Record<string, string>): Answer {
    const refuse = (code: string, message: string): Answer => ({
      status: 200,
      body: { RequestId: requestId, Code: code, Message: message },
    });
    const phone = params['PhoneNumber'] ?? '';
    if (!/^1\d{10}$/.test(phone)) return refuse('isv.MOBILE_NUMBER_ILLEGAL', '非法手机号');
    const sendDate = params['SendDate'] ?? '';
    if (!/^\d{8}$/.test(sendDate)) return refuse('isv.INVALID_PARAMETERS', 'SendDate 格式应为 yyyyMMdd');
    const pageSize = Number(params['PageSize']);
    const currentPage = Number(params['CurrentPage']);
    if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 50) return refuse('isv.INVALID_PARAMETERS', 'PageSize 取值 1-50');
    if (!Number.isInteger(currentPage) || currentPage < 1) return refuse('isv.INVALID_PARAMETERS', 'CurrentPage 从 1 开始');
    const bizId = params['BizId'];
    const found = this.accepted.filter(
      (m) =>
        handsetNumber(m.phoneNumbers) === phone &&
        shanghaiTime(m.receivedAt).slice(0, 10).replace(/-/g, '') === sendDate &&
        (!bizId || m.bizId === bizId),
    );
    const page = found.slice((currentPage - 1) * pageSize, currentPage * pageSize).map((m): SmsSendDetail => {
      const report = [...this.pushes]
        .reverse()
        .flatMap((p) => p.reports)
        .find((r) => r.biz_id === m.bizId);
      return {
        PhoneNum: handsetNumber(m.phoneNumbers),
        SendStatus: report ? (report.success ? 3 : 2) : 1,
        ErrCode: report ? report.err_code : '',
        TemplateCode: m.templateCode,
        Content: m.text,
        SendDate: shanghaiTime(m.receivedAt),
        ReceiveDate: report ? report.report_time : '',
        OutId: m.outId,
      };
    });
    // TotalCount is a string in the provider's reference; SendStatus a number.
    return {
      status: 200,
      body: {
        RequestId: requestId,
        Code: 'OK',
        Message: 'OK',
        TotalCount: String(found.length),
        SmsSendDetailDTOs: { SmsSendDetailDTO: page },
      },
    };
  }

  private scheduleReport(message: AcceptedSms): void {
    if (!this.options.reportUrl) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.push(message, { success: true }).catch(() => undefined);
    }, this.options.reportDelayMs ?? 50);
    this.timers.add(timer);
  }

  async push(
    message: AcceptedSms,
    outcome: { readonly success: boolean; readonly errCode?: string; readonly errMsg?: string },
  ): Promise<number> {
    if (!this.options.reportUrl) throw new Error('no report URL configured');
    const report: SmsReportPush = {
      phone_number: message.phoneNumbers,
      send_time: shanghaiTime(message.receivedAt),
      report_time: shanghaiTime(new Date()),
      success: outcome.success,
      err_code: outcome.errCode ?? (outcome.success ? 'DELIVERED' : 'UNDELIV'),
      err_msg: outcome.errMsg ?? (outcome.success ? '用户接收成功' : '用户接收失败'),
      sms_size: String(message.segments),
      biz_id: message.bizId,
      out_id: message.outId,
    };
    const res = await fetch(this.options.reportUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([report]),
    });
    await res.text();
    this.pushes.push({ reports: [report], status: res.status });
    return res.status;
  }

  stopTimers(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json;charset=utf-8' });
  res.end(JSON.stringify(body));
}

async function handle(gateway: Gateway, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://gateway.local');
  const body = await readBody(req);
  if (url.pathname === '/_gateway/messages') return reply(res, 200, gateway.accepted);
  if (url.pathname === '/_gateway/mode' && req.method === 'POST') {
    const mode = (JSON.parse(body || '{}') as { mode?: GatewayMode }).mode;
    if (mode !== 'normal' && mode !== 'throttle' && mode !== 'fail') return reply(res, 400, { error: 'mode: normal, throttle or fail' });
    gateway.mode = mode;
    return reply(res, 200, { mode });
  }
  // RPC style: parameters in the query string, or (POST) in a form body; the signature covers them all.
  const params: Record<string, string> = Object.fromEntries(url.searchParams);
  if (req.method === 'POST') Object.assign(params, Object.fromEntries(new URLSearchParams(body)));
  const answer = gateway.answer(req.method ?? 'GET', params);
  reply(res, answer.status, answer.body);
}

/** Starts the gateway; `close()` stops it (pending report pushes are dropped). */
export async function startSmsGateway(options: SmsGatewayOptions): Promise<RunningSmsGateway> {
  const gateway = new Gateway(options);
  const sockets = new Set<Socket>();
  const host = options.host ?? '127.0.0.1';
  let server: Server | undefined;
  let port = options.port ?? 0;
  const listen = async (): Promise<void> => {
    const s = createServer(
      (req, res) => void handle(gateway, req, res).catch((e: unknown) => reply(res, 500, { Code: 'InternalError', Message: String(e) })),
    );
    s.on('connection', (socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      s.once('error', reject);
      s.listen(port, host, () => resolve());
    });
    port = (s.address() as AddressInfo).port;
    server = s;
  };
  const stop = async (): Promise<void> => {
    const s = server;
    server = undefined;
    if (!s) return;
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => s.close(() => resolve()));
  };
  await listen();
  return {
    get url() {
      return `http://${host}:${port}/`;
    },
    get port() {
      return port;
    },
    get mode() {
      return gateway.mode;
    },
    set mode(mode: GatewayMode) {
      gateway.mode = mode;
    },
    accepted: gateway.accepted,
    pushes: gateway.pushes,
    countFor: (outId) => gateway.accepted.filter((m) => m.outId === outId).length,
    pushReport: async (bizId, outcome = { success: true }) => {
      const message = gateway.accepted.find((m) => m.bizId === bizId);
      if (!message) throw new Error(`no accepted message ${bizId}`);
      return gateway.push(message, outcome);
    },
    down: stop,
    up: listen,
    close: async () => {
      gateway.stopTimers();
      await stop();
    },
  };
}
