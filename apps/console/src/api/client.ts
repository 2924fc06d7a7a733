import createClient, { type Middleware } from 'openapi-fetch';

import { currentSession, sessionExpired } from '../session';
import type { paths as EvaluationPaths } from './generated/evaluation';
import type { paths as IntakePaths } from './generated/intake';
import type { paths as NotificationPaths } from './generated/notification';
import type { paths as RoutingPaths } from './generated/routing';
import type { paths as SupervisionPaths } from './generated/supervision';

// Every service is reached through nginx under /api/<service>/ (deploy/local/nginx), with the signed-in staff's token.
const auth: Middleware = {
  onRequest({ request }) {
    const s = currentSession();
    if (s) request.headers.set('Authorization', `Bearer ${s.token}`);
    return request;
  },
  async onResponse({ response }) {
    if (response.status === 401) {
      const body = (await response
        .clone()
        .json()
        .catch(() => ({}))) as { code?: unknown };
      sessionExpired(body.code === 'TOKEN_EXPIRED' ? 'expired' : 'refused');
    }
    return response;
  },
};

/** A typed client of one service's API under /api/<service>/, with the signed-in staff's token. */
export function client<P extends object>(service: string) {
  const c = createClient<P>({ baseUrl: `/api/${service}` });
  c.use(auth);
  return c;
}

export const intake = client<IntakePaths>('intake');
export const routing = client<RoutingPaths>('routing');
export const supervision = client<SupervisionPaths>('supervision');
export const notification = client<NotificationPaths>('notification');
export const evaluation = client<EvaluationPaths>('evaluation');

/** The case version an action is taken on, as the If-Match header the routing actions read. */
export function ifMatch(version: number): { 'If-Match': string } {
  return { 'If-Match': `"${version}"` };
}
