import { Query } from '@nestjs/common';
import { ApiQuery } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import type { z } from 'zod';

import { ZodPipe } from '../errors/zod-body.pipe';
import { queryParametersOf } from './zod-openapi';

/**
 * The query string, validated by a zod object schema (400 VALIDATION_FAILED naming each field); each of its fields
 * is documented as a query parameter.
 */
export function ZodQuery(schema: z.ZodType): ParameterDecorator {
  const parameters = queryParametersOf(schema);
  return (target, key, index) => {
    Query(new ZodPipe(schema))(target, key, index);
    const descriptor = key === undefined ? undefined : Object.getOwnPropertyDescriptor(target, key);
    if (key === undefined || !descriptor) throw new Error('@ZodQuery() belongs on a route handler parameter');
    for (const p of parameters) {
      ApiQuery({ name: p.name, required: p.required, description: p.description, schema: p.schema as SchemaObject })(
        target,
        key,
        descriptor,
      );
    }
  };
}
