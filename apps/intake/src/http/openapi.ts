import { applyDecorators } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBody, ApiNotFoundResponse, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { z } from 'zod';

/** The one error shape of every endpoint, for the OpenAPI document. */
export const ERROR_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['code', 'message'],
  properties: {
    code: { type: 'string', example: 'VALIDATION_FAILED' },
    message: { type: 'object', properties: { zh: { type: 'string' }, en: { type: 'string' } } },
    details: { type: 'object' },
  },
};

/** OpenAPI 3.0 schema of a zod schema (what the ZodPipe validates). */
export function openApiSchema(schema: z.ZodType): SchemaObject {
  return z.toJSONSchema(schema, { target: 'openapi-3.0', io: 'input', unrepresentable: 'any' }) as SchemaObject;
}

/** Documents a zod-validated JSON body and the error answers it may get. */
export function ZodBody(schema: z.ZodType): MethodDecorator {
  return applyDecorators(
    ApiBody({ schema: openApiSchema(schema) }),
    ApiBadRequestResponse({ description: '请求数据不合法 / invalid input (each field named)', schema: ERROR_SCHEMA }),
    ApiUnprocessableEntityResponse({ description: '业务规则不允许 / refused by a rule', schema: ERROR_SCHEMA }),
  );
}

export function ApiCaseNotFound(): MethodDecorator {
  return ApiNotFoundResponse({ description: '未找到（查询码错误与不存在的答复相同）/ not found (a wrong code looks the same)', schema: ERROR_SCHEMA });
}
