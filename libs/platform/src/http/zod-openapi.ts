import type { ParameterObject, SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { z } from 'zod';

/**
 * The OpenAPI 3.0 schema of what a client sends (the input side of a zod schema: defaults make fields optional,
 * transforms show what they accept), the same schema the ZodPipe validates with; `io: 'output'` gives what a parse
 * yields instead (a success answer, @ZodResponse).
 */
export function openApiSchemaOf(schema: z.ZodType, io: 'input' | 'output' = 'input'): SchemaObject {
  const json = z.toJSONSchema(schema, { target: 'openapi-3.0', io, unrepresentable: 'any', reused: 'inline' }) as SchemaObject & {
    $schema?: string;
  };
  delete json.$schema;
  return json;
}

/** Whether the schema accepts a missing value (e.g. `.default({})`): the body is then optional. */
export function acceptsUndefined(schema: z.ZodType): boolean {
  return schema.safeParse(undefined).success;
}

/** One query parameter per field of a z.object() schema (what a ZodPipe on @Query() accepts). */
export function queryParametersOf(schema: z.ZodType): ParameterObject[] {
  const json = openApiSchemaOf(schema);
  if (json.type !== 'object' || !json.properties) throw new Error('a query schema must be a z.object()');
  const required = new Set(json.required ?? []);
  return Object.entries(json.properties as Record<string, SchemaObject>).map(([name, property]) => {
    const { description, ...rest } = property;
    return { name, in: 'query', required: required.has(name), ...(description ? { description } : {}), schema: rest };
  });
}
