import { Body } from '@nestjs/common';
import { ApiBody } from '@nestjs/swagger';
import type { z } from 'zod';

import { ZodPipe } from '../errors/zod-body.pipe';
import { acceptsUndefined, openApiSchemaOf } from './zod-openapi';

/**
 * The JSON body, validated by the zod schema (400 VALIDATION_FAILED naming each field) and documented as the
 * operation's request body from the same schema.
 */
export function ZodBody(schema: z.ZodType, description?: string): ParameterDecorator {
  return (target, key, index) => {
    Body(new ZodPipe(schema))(target, key, index);
    const descriptor = key === undefined ? undefined : Object.getOwnPropertyDescriptor(target, key);
    if (key === undefined || !descriptor) throw new Error('@ZodBody() belongs on a route handler parameter');
    ApiBody({ schema: openApiSchemaOf(schema), required: !acceptsUndefined(schema), description })(target, key, descriptor);
  };
}
