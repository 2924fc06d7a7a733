import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';

import { DomainException, type ErrorKind } from './domain.exception';
import { frameworkError, zhForStatus } from './framework-errors';
import { overloadException } from './overload-errors';

const STATUS: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'too-large': 413,
  unprocessable: 422,
  'rate-limited': 429,
  unavailable: 503,
};

interface ReplyLike {
  status(code: number): ReplyLike;
  header(name: string, value: string): ReplyLike;
  send(body: unknown): void;
}

/** A 429 or 503 whose details say when to come back answers with `Retry-After` (seconds). */
function retryAfter(exception: DomainException): string | undefined {
  const details = exception.details as { retryAfterSeconds?: unknown } | undefined;
  const seconds = details?.retryAfterSeconds;
  return (exception.kind === 'rate-limited' || exception.kind === 'unavailable') && typeof seconds === 'number'
    ? String(Math.max(1, Math.ceil(seconds)))
    : undefined;
}

/**
 * One error shape for every HTTP endpoint: `{ code, message: { zh, en }, details? }`. Overload and an unreachable
 * PostgreSQL or Redis (pool acquire timeout, connection refused or cut) are 503 with `Retry-After`, never 500.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(HttpErrorFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const reply = host.switchToHttp().getResponse<ReplyLike>();
    if (exception instanceof DomainException) {
      this.sendDomain(reply, exception);
      return;
    }
    if (exception instanceof HttpException) {
      const body = exception.getResponse();
      const status = exception.getStatus();
      // Fastify's own refusals (bad JSON, body too large, unsupported media type) reach us rewrapped by Nest.
      const framework = typeof body === 'string' ? frameworkError(exception, status, body) : null;
      if (framework) {
        reply.status(framework.status).send({ code: framework.code, message: framework.message });
        return;
      }
      const fallback = { code: `HTTP_${status}`, message: { zh: zhForStatus(status), en: exception.message } };
      // Bodies that carry their own fields (e.g. terminus's health details) keep them beside the code.
      const shaped = typeof body === 'object' && body !== null ? { ...fallback, ...body } : fallback;
      // Nest's own exceptions (e.g. an unknown route's 404) carry `message` as a string: keep the one shape.
      if (typeof shaped.message === 'string') shaped.message = { zh: fallback.message.zh, en: shaped.message };
      reply.status(status).send(shaped);
      return;
    }
    // A 4xx raised by Fastify or a plugin inside the handler (e.g. a malformed multipart stream) is the client's.
    const framework = frameworkError(exception);
    if (framework) {
      reply.status(framework.status).send({ code: framework.code, message: framework.message });
      return;
    }
    const overload = overloadException(exception);
    if (overload) {
      this.logger.warn(`${overload.code}: ${exception instanceof Error ? exception.message : String(exception)}`);
      this.sendDomain(reply, overload);
      return;
    }
    this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    reply.status(500).send({ code: 'INTERNAL', message: { zh: '服务器内部错误', en: 'internal error' } });
  }

  private sendDomain(reply: ReplyLike, exception: DomainException): void {
    const after = retryAfter(exception);
    if (after) reply.header('Retry-After', after);
    reply.status(STATUS[exception.kind]).send({ code: exception.code, message: exception.localized, details: exception.details });
  }
}
