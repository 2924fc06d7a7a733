import { AsyncLocalStorage } from 'node:async_hooks';

import type { FastifyAdapter } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';

import type { StaffPrincipal } from '../auth/staff-claims';
import type { AuditFields } from './audit-chain';

/** Where a request came from and what it asked, as the audit trail records it. */
export interface AuditRequestContext {
  readonly method: string;
  readonly route: string;
  readonly ip: string;
  readonly userAgent: string | null;
  readonly caseId: string | null;
}

/** The audit trail as the HTTP hook sees it (AuditTrail; late-bound: the app exists only after the hooks). */
export interface AuditSink {
  record(fields: AuditFields): Promise<void>;
}

const storage = new AsyncLocalStorage<AuditRequestContext>();

/** The HTTP request in progress, if any: personal-data reads take their ip, user agent and route from it. */
export function currentAuditRequest(): AuditRequestContext | undefined {
  return storage.getStore();
}

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The case a route acts on: its `:caseId`, or the `:id` of a /cases/… route. */
function caseIdOf(route: string, params: unknown): string | null {
  const p = (params ?? {}) as Record<string, unknown>;
  const candidate = p['caseId'] ?? (/^\/cases\/:id(\/|$)/.test(route) ? p['id'] : undefined);
  return typeof candidate === 'string' && UUID.test(candidate) ? candidate.toLowerCase() : null;
}

function contextOf(request: FastifyRequest): AuditRequestContext {
  const route = request.routeOptions.url ?? request.url.split('?')[0] ?? '';
  const agent = request.headers['user-agent'];
  return {
    method: request.method,
    route,
    ip: request.ip,
    userAgent: typeof agent === 'string' ? agent.slice(0, 300) : null,
    caseId: caseIdOf(route, request.params),
  };
}

/**
 * 安全审计 of HTTP: every request runs with its AuditRequestContext (for explicit records: personal-data reads), and
 * every state-changing one (not GET/HEAD/OPTIONS) is recorded once answered: who (subject, unit, roles, when the token
 * was verified), what (method, route, case), from where (ip, user agent), the outcome (status). The record is written
 * after the response is sent, and waited for (group commit): a failure is logged, never turned into the answer.
 */
export function registerAuditHook(adapter: FastifyAdapter, sink: () => AuditSink | undefined, onError: (error: unknown) => void): void {
  const instance = adapter.getInstance();
  instance.addHook('onRequest', (request: FastifyRequest, _reply: FastifyReply, done: (err?: Error) => void) => {
    storage.run(contextOf(request), done);
  });
  instance.addHook('onResponse', async (request: FastifyRequest, reply: FastifyReply) => {
    if (READ_METHODS.has(request.method)) return;
    const trail = sink();
    if (!trail) return;
    const context = contextOf(request);
    const staff = (request as FastifyRequest & { staff?: StaffPrincipal }).staff;
    await trail
      .record({
        kind: 'request',
        subject: staff?.subject ?? null,
        unitId: staff?.unitId ?? null,
        roles: staff?.roles ?? [],
        method: context.method,
        route: context.route,
        caseId: context.caseId,
        status: reply.statusCode,
        ip: context.ip,
        userAgent: context.userAgent,
        detail: { correlationId: String(request.id) },
      })
      .catch(onError);
  });
}
