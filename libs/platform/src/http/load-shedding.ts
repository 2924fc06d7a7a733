import type { FastifyAdapter } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DataSource } from 'typeorm';

import { overloadedException } from '../errors/overload-errors';

/** How many callers wait for a connection of the service's PostgreSQL pool now (pg's Pool `waitingCount`). */
export function poolWaiting(dataSource: DataSource): number {
  const pool = (dataSource.driver as unknown as { master?: { waitingCount?: unknown } }).master;
  return typeof pool?.waitingCount === 'number' ? pool.waitingCount : 0;
}

/**
 * Sheds load before it queues: while `maxWaiting` callers or more already wait for a database connection, a new
 * request (the health probes excepted) is answered at once with 503 `OVERLOADED` and `Retry-After`, instead of
 * joining a queue it would leave only by the acquire timeout. `waiting` is read per request (0 disables shedding).
 */
export function registerLoadShedding(adapter: FastifyAdapter, maxWaiting: number, waiting: () => number): void {
  if (maxWaiting <= 0) return;
  adapter.getInstance().addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.url.startsWith('/health') || waiting() < maxWaiting) return;
    const refusal = overloadedException();
    const seconds = (refusal.details as { retryAfterSeconds: number }).retryAfterSeconds;
    await reply
      .header('Retry-After', String(seconds))
      .status(503)
      .send({ code: refusal.code, message: refusal.localized, details: refusal.details });
  });
}
