import { type ArgumentsHost, Catch, type ExceptionFilter, Param, Res, UseFilters } from '@nestjs/common';
import { ApiOkResponse, ApiParam, ApiProduces, ApiResponse } from '@nestjs/swagger';
import { DomainException, HttpErrorFilter, openApiSchemaOf, StaffController, ZodBody, ZodQuery } from '@sunshine/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';

import { CitizenRoute } from '../http/citizen-route.decorator';
import { IdempotencyKey } from '../http/idempotency-key.decorator';
import {
  open311CreatedAnswer,
  open311DefinitionAnswer,
  open311ErrorsAnswer,
  type Open311ListQuery,
  open311ListQuerySchema,
  type Open311PostDto,
  open311PostSchema,
  type Open311ReadQuery,
  open311ReadQuerySchema,
  open311RequestAnswer,
  open311ServiceAnswer,
  type Open311ServicesQuery,
  open311ServicesQuerySchema,
  open311TokenAnswer,
} from './open311.dto';
import { Open311Service } from './open311.service';
import { toXml } from './open311-xml';

type Format = 'json' | 'xml';

const STATUS: Record<string, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  unprocessable: 400,
};

const xmlRequested = (url: string): boolean => /\.xml(\?|$)/.test(url);

/**
 * GeoReport v2's error format: `[{ code, description }]` (code: the HTTP status), in the format the path asked for.
 * Anything not a DomainException of a client's fault goes to the platform's filter (503, 500 …).
 */
@Catch()
export class Open311ErrorFilter implements ExceptionFilter {
  private readonly fallback = new HttpErrorFilter();

  catch(exception: unknown, host: ArgumentsHost): void {
    const status = exception instanceof DomainException ? STATUS[exception.kind] : undefined;
    if (!(exception instanceof DomainException) || status === undefined) {
      this.fallback.catch(exception, host);
      return;
    }
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const fields = (exception.details as { fields?: Array<{ field: string; reason: string }> } | undefined)?.fields;
    const errors = (
      fields && fields.length > 0 ? fields.map((f) => `${f.field}: ${f.reason}`) : [`${exception.localized.zh} / ${exception.localized.en}`]
    ).map((description) => ({ code: status, description: `${exception.code}: ${description}` }));
    if (xmlRequested(request.url))
      void reply.status(status).header('content-type', 'text/xml; charset=utf-8').send(toXml('errors', errors));
    else void reply.status(status).send(errors);
  }
}

const formatParam = z.enum(['json', 'xml']);

function format(value: string): Format {
  const parsed = formatParam.safeParse(value);
  if (!parsed.success) {
    throw new DomainException('OPEN311_FORMAT_UNKNOWN', 'not-found', { zh: '格式须为 .json 或 .xml', en: 'the format is .json or .xml' });
  }
  return parsed.data;
}

function answer(reply: FastifyReply, fmt: Format, root: string, value: unknown): unknown {
  if (fmt === 'json') return value;
  void reply.header('content-type', 'text/xml; charset=utf-8');
  return toXml(root, value);
}

const FORMAT = ApiParam({ name: 'format', enum: ['json', 'xml'], description: '应答格式 / the answer format (format suffix)' });
const ERRORS = ApiResponse({
  status: 400,
  description: 'Open311 错误 / errors as the specification: [{code, description}] (also 403, 404)',
  schema: openApiSchemaOf(open311ErrorsAnswer),
});
const list = (schema: z.ZodType) => openApiSchemaOf(z.array(schema));

/**
 * Open311 GeoReport v2 (wiki.open311.org/GeoReport_v2), JSON and XML by the path's suffix. Public and rate limited;
 * the requests themselves open with the client's api_key only (see docs/interop.md: what a public GET shows).
 */
@UseFilters(Open311ErrorFilter)
@ApiProduces('application/json', 'text/xml')
@StaffController('open311/v2', 'open311 GeoReport v2')
export class Open311Controller {
  constructor(private readonly open311: Open311Service) {}

  @CitizenRoute('GET', 'services.:format', { summary: '服务列表 Service list: the category code table (zh-CN names)' })
  @FORMAT
  @ERRORS
  @ApiOkResponse({ schema: list(open311ServiceAnswer) })
  async services(
    @Param('format') fmt: string,
    @ZodQuery(open311ServicesQuerySchema) _q: Open311ServicesQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<unknown> {
    const f = format(fmt);
    return answer(reply, f, 'services', await this.open311.services());
  }

  @CitizenRoute('GET', 'services/:service_code.:format', {
    summary: '服务定义 Service definition: the attributes a request carries (division code, petition type)',
  })
  @FORMAT
  @ERRORS
  @ApiParam({ name: 'service_code', description: '类别代码 / a code of the category table' })
  @ApiOkResponse({ schema: openApiSchemaOf(open311DefinitionAnswer) })
  definition(
    @Param('service_code') code: string,
    @Param('format') fmt: string,
    @ZodQuery(open311ServicesQuerySchema) _q: Open311ServicesQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): unknown {
    const f = format(fmt);
    return answer(reply, f, 'service_definition', this.open311.definition(code));
  }

  @CitizenRoute('POST', 'requests.:format', {
    status: 201,
    summary:
      '提交服务请求 Submit a service request: registered as a petition (channel app) at the place’s petition bureau, once per Idempotency-Key or client_request_id',
  })
  @FORMAT
  @ERRORS
  @ApiResponse({ status: 201, schema: list(open311CreatedAnswer) })
  async submit(
    @Param('format') fmt: string,
    @ZodBody(open311PostSchema) dto: Open311PostDto,
    @IdempotencyKey() key: string | null,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<unknown> {
    const f = format(fmt);
    return answer(reply, f, 'service_requests', [await this.open311.submit(dto, key)]);
  }

  @CitizenRoute('GET', 'requests.:format', {
    summary: '服务请求列表 The client’s own requests (never an accusation), by ids, service code, status and dates',
  })
  @FORMAT
  @ERRORS
  @ApiOkResponse({ schema: list(open311RequestAnswer) })
  async list(
    @Param('format') fmt: string,
    @ZodQuery(open311ListQuerySchema) q: Open311ListQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<unknown> {
    const f = format(fmt);
    return answer(reply, f, 'service_requests', await this.open311.list(q));
  }

  @CitizenRoute('GET', 'requests/:id.:format', {
    summary: '服务请求 One of the client’s requests: status open/closed, status notes, agency responsible',
  })
  @FORMAT
  @ERRORS
  @ApiParam({ name: 'id', description: 'service_request_id' })
  @ApiOkResponse({ schema: list(open311RequestAnswer) })
  async read(
    @Param('id') id: string,
    @Param('format') fmt: string,
    @ZodQuery(open311ReadQuerySchema) q: Open311ReadQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<unknown> {
    const f = format(fmt);
    return answer(reply, f, 'service_requests', [await this.open311.read(id, q.api_key, q.jurisdiction_id)]);
  }

  @CitizenRoute('GET', 'tokens/:token.:format', { summary: '令牌查询 The service_request_id of a token' })
  @FORMAT
  @ERRORS
  @ApiParam({ name: 'token', description: 'the token POST answered' })
  @ApiOkResponse({ schema: list(open311TokenAnswer) })
  async token(
    @Param('token') token: string,
    @Param('format') fmt: string,
    @ZodQuery(open311ReadQuerySchema) q: Open311ReadQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<unknown> {
    const f = format(fmt);
    return answer(reply, f, 'service_requests', [await this.open311.token(token, q.api_key, q.jurisdiction_id)]);
  }
}
