import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

/** The name of the one error body in every OpenAPI document's components. */
export const ERROR_BODY_NAME = 'ErrorBody';

/** The one error body of every endpoint: `{ code, message: { zh, en }, details? }` (see HttpErrorFilter). */
export const ERROR_BODY_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['code', 'message'],
  properties: {
    code: {
      type: 'string',
      description: 'A stable code, e.g. VALIDATION_FAILED, ROLE_REQUIRED, VERSION_CONFLICT',
      example: 'VALIDATION_FAILED',
    },
    message: {
      type: 'object',
      required: ['zh', 'en'],
      properties: {
        zh: { type: 'string', example: '请求数据不合法：reason' },
        en: { type: 'string', example: 'invalid request: reason (Required)' },
      },
    },
    details: { type: 'object', description: 'e.g. { fields: [{ field, reason }] } for VALIDATION_FAILED, { roles } for ROLE_REQUIRED' },
  },
};

/** A reference to the error body, for responses. */
export const ERROR_BODY_REF = { $ref: `#/components/schemas/${ERROR_BODY_NAME}` };
