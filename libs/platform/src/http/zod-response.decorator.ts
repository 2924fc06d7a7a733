import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import type { z } from 'zod';

import { openApiSchemaOf } from './zod-openapi';

export interface ZodResponseOptions {
  /** The success status (200 unless said: 201 for a POST that creates, 202 for an accepted command). */
  readonly status?: number;
  readonly description?: string;
}

/**
 * Documents the operation's success answer from a zod schema, as @ZodBody documents the request body. Documentation
 * only: production never parses the answer (a unit test may, with `schema.parse(answer)`, so schema and code cannot drift).
 */
export function ZodResponse(schema: z.ZodType, options: ZodResponseOptions = {}): MethodDecorator {
  const status = options.status ?? 200;
  return applyDecorators(
    ApiResponse({
      status,
      description: options.description ?? (status === 201 ? '已创建 / created' : '成功 / success'),
      schema: openApiSchemaOf(schema, 'output'),
    }),
  );
}

type DeepReadonly<T> =
  T extends ReadonlyArray<infer U>
    ? ReadonlyArray<DeepReadonly<U>>
    : T extends object
      ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
      : T;

/**
 * `true` when the service's answer type `T` and the response schema `S` describe the same data (readonly aside), else
 * `false`: write `export type X = ResponseMatches<Answer, typeof schema>` through `AssertTrue<>` beside the schema so
 * a drift of either breaks the build.
 */
export type ResponseMatches<T, S extends z.ZodType> = [T] extends [DeepReadonly<z.output<S>>]
  ? [z.output<S>] extends [T]
    ? true
    : false
  : false;

/** Compiles only when given `true` (see ResponseMatches). */
export type AssertTrue<T extends true> = T;
