import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiHeader, type ApiHeaderOptions } from '@nestjs/swagger';

/** What a header parameter reads: the request's headers (and its body, for a value a client may send in either). */
export interface HeaderRequest {
  headers: Record<string, string | string[] | undefined>;
  body?: unknown;
}

/**
 * A route handler parameter read from the request by `read` (which throws a DomainException on a bad value) and
 * documented in OpenAPI as the header `header` describes: `@IfMatchVersion()`, intake's `@IdempotencyKey()`.
 */
export function headerParam<T>(decorator: string, read: (request: HeaderRequest) => T, header: ApiHeaderOptions): () => ParameterDecorator {
  const Param = createParamDecorator((_: unknown, ctx: ExecutionContext): T => read(ctx.switchToHttp().getRequest<HeaderRequest>()));
  return () => (target, key, index) => {
    Param()(target, key, index);
    const descriptor = key === undefined ? undefined : Object.getOwnPropertyDescriptor(target, key);
    if (key === undefined || !descriptor) throw new Error(`@${decorator}() belongs on a route handler parameter`);
    ApiHeader(header)(target, key, descriptor);
  };
}
