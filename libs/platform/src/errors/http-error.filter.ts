import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { DomainException, type ErrorKind } from './domain.exception';

const STATUS: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  unprocessable: 422,
  'rate-limited': 429,
  unavailable: 503,
};

interface ReplyLike {
  status(code: number): ReplyLike;
  send(body: unknown): void;
}

/** One error shape for every HTTP endpoint: `{ code, message: { zh, en }, details? }`. */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(HttpErrorFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const reply = host.switchToHttp().getResponse<ReplyLike>();
    if (exception instanceof DomainException) {
      reply.status(STATUS[exception.kind]).send({ code: exception.code, message: exception.localized, details: exception.details });
      return;
    }
    if (exception instanceof HttpException) {
      const body = exception.getResponse();
      const status = exception.getStatus();
      const fallback = { code: `HTTP_${status}`, message: { zh: '请求失败', en: exception.message } };
      // Bodies that carry their own fields (e.g. terminus's health details) keep them beside the code.
      const shaped = typeof body === 'object' && body !== null ? { ...fallback, ...body } : fallback;
      // Nest's own exceptions (e.g. an unknown route's 404) carry `message` as a string: keep the one shape.
      if (typeof shaped.message === 'string') shaped.message = { zh: fallback.message.zh, en: shaped.message };
      reply.status(status).send(shaped);
      return;
    }
    this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    reply.status(500).send({ code: 'INTERNAL', message: { zh: '服务器内部错误', en: 'internal error' } });
  }
}
