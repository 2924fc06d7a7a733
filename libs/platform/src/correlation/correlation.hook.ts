import type { FastifyAdapter } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';

import { runWithCorrelation } from './correlation-context';
import { CORRELATION_HEADER, correlationIdOf } from './correlation-id';
import { rememberRequestCorrelation } from './request-correlation';

/**
 * Puts every HTTP request in a correlation context and echoes the id on its response. It takes the adapter's own
 * `onRequest` slot, the first hook Fastify runs (before Nest's middleware: pino-http), so middleware, guards, pipes,
 * handlers and filters all run inside it; the header is set before anything can answer, so 2xx, 4xx from filters,
 * the guard's 401 and unknown routes' 404 all carry it. The id also becomes Fastify's request id, which Nest's
 * middleware layer hands to pino-http as `req.id`.
 */
export function registerCorrelationHook(adapter: FastifyAdapter): void {
  adapter.setOnRequestHook(enterCorrelation);
}

function enterCorrelation(request: FastifyRequest, reply: FastifyReply, done: (err?: Error) => void): void {
  const correlationId = correlationIdOf(request.headers);
  request.id = correlationId;
  rememberRequestCorrelation(request.raw, correlationId);
  void reply.header(CORRELATION_HEADER, correlationId);
  runWithCorrelation({ correlationId }, done);
}
