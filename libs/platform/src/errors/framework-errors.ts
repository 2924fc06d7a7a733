import { errorCodes, type FastifyError, type FastifyReply, type FastifyRequest } from 'fastify';

import type { LocalizedMessage } from './domain.exception';

export interface FrameworkError {
  readonly status: number;
  readonly code: string;
  readonly message: LocalizedMessage;
}

/** Fastify's own refusals of a request (parsing the body happens before any Nest code runs), in our words. */
const FASTIFY: ReadonlyArray<readonly [keyof typeof errorCodes, string, string]> = [
  ['FST_ERR_CTP_INVALID_JSON_BODY', 'INVALID_JSON', '请求体不是合法的 JSON'],
  ['FST_ERR_CTP_EMPTY_JSON_BODY', 'EMPTY_JSON_BODY', '内容类型为 application/json 时请求体不能为空'],
  ['FST_ERR_CTP_BODY_TOO_LARGE', 'BODY_TOO_LARGE', '请求体过大'],
  ['FST_ERR_CTP_INVALID_MEDIA_TYPE', 'UNSUPPORTED_MEDIA_TYPE', '不支持的请求内容类型（Content-Type），请使用 application/json'],
  ['FST_ERR_CTP_INVALID_CONTENT_LENGTH', 'INVALID_CONTENT_LENGTH', '请求体长度与 Content-Length 不符'],
  ['FST_ERR_BAD_URL', 'BAD_URL', '请求地址含有无效的百分号编码'],
  ['FST_ERR_MAX_PARAM_LENGTH', 'PARAM_TOO_LONG', '请求地址中的参数过长'],
];

interface Known {
  readonly fastifyCode: string;
  readonly status: number;
  readonly code: string;
  readonly zh: string;
  readonly en: string;
}

const KNOWN: readonly Known[] = FASTIFY.map(([fastifyCode, code, zh]) => {
  const sample = new errorCodes[fastifyCode]();
  return { fastifyCode, status: sample.statusCode ?? 400, code, zh, en: sample.message };
});

/** A generic Chinese reason per status, for refusals that carry only an English message. */
const ZH_BY_STATUS: Readonly<Record<number, string>> = {
  400: '请求格式不正确',
  401: '未登录或令牌无效',
  403: '无权执行此操作',
  404: '请求的资源不存在',
  405: '不支持该请求方法',
  406: '无法提供所要求的响应格式',
  408: '请求超时',
  409: '请求与当前状态冲突',
  413: '请求体过大',
  414: '请求地址过长',
  415: '不支持的请求内容类型',
  429: '请求过于频繁，请稍后再试',
  431: '请求头过大',
};

export function zhForStatus(status: number): string {
  return ZH_BY_STATUS[status] ?? '请求失败';
}

/**
 * A refusal by the framework rather than by our code: a Fastify error (its `code` and `statusCode`), or Nest's
 * rewrapping of one (`HttpException(message, statusCode)`, recognised by Fastify's fixed message). Only 4xx: a 5xx
 * from the framework stays an internal error.
 */
export function frameworkError(error: unknown, status?: number, message?: string): FrameworkError | null {
  const e = typeof error === 'object' && error !== null ? (error as { code?: unknown; statusCode?: unknown; message?: unknown }) : {};
  const code = typeof e.code === 'string' ? e.code : undefined;
  const statusCode = status ?? (typeof e.statusCode === 'number' ? e.statusCode : undefined);
  const text = message ?? (typeof e.message === 'string' ? e.message : '');
  if (statusCode === undefined || statusCode < 400 || statusCode > 499) return null;
  const known = KNOWN.find((k) => k.fastifyCode === code || (k.status === statusCode && k.en === text));
  if (known) return { status: known.status, code: known.code, message: { zh: known.zh, en: text || known.en } };
  return { status: statusCode, code: `HTTP_${statusCode}`, message: { zh: zhForStatus(statusCode), en: text || `HTTP ${statusCode}` } };
}

/**
 * Fastify's `frameworkErrors` option: the refusals it answers before any hook or route runs (a path with a broken
 * percent-encoding, a path parameter past `maxParamLength`) in the one error body instead of Fastify's own.
 */
export function answerFrameworkError(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const known = frameworkError(error);
  if (known) void reply.status(known.status).send({ code: known.code, message: known.message });
  else void reply.status(500).send({ code: 'INTERNAL', message: { zh: '服务器内部错误', en: 'internal error' } });
}
