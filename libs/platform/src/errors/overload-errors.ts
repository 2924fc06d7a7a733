import { DomainException } from './domain.exception';

/** Seconds a client should wait before retrying when the service sheds load (its pool is full). */
export const OVERLOAD_RETRY_AFTER_SECONDS = 1;
/** Seconds a client should wait before retrying while a dependency (PostgreSQL, Redis) is unreachable. */
export const DEPENDENCY_RETRY_AFTER_SECONDS = 5;

/** The 503 a request gets when the service's database pool cannot take it (no connection free in time, queue full). */
export function overloadedException(): DomainException {
  return new DomainException(
    'OVERLOADED',
    'unavailable',
    { zh: '服务繁忙，请稍后再试', en: 'the service is busy: try again shortly' },
    { retryAfterSeconds: OVERLOAD_RETRY_AFTER_SECONDS },
  );
}

/** The 503 a request gets while PostgreSQL or Redis cannot be reached (down, restarting, connection cut). */
export function dependencyUnavailableException(dependency: 'postgresql' | 'redis'): DomainException {
  const zh = dependency === 'postgresql' ? '数据库' : '缓存服务';
  return new DomainException(
    'DEPENDENCY_UNAVAILABLE',
    'unavailable',
    { zh: `${zh}暂时不可用，请稍后再试`, en: `${dependency} is unavailable: try again shortly` },
    { dependency, retryAfterSeconds: DEPENDENCY_RETRY_AFTER_SECONDS },
  );
}

// Socket-level failures reaching PostgreSQL (or Redis): the server is down, restarting or the connection was cut.
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);

/**
 * A connection to a server failed or broke at the socket: one of SOCKET_CODES, or a Unix socket that is not there
 * (`connect ENOENT …/.s.PGSQL.5432`: a PostgreSQL on this host reached over its socket is stopped). Not a missing file.
 */
export function isSocketFailure(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, syscall } = error as { code?: unknown; syscall?: unknown };
  return (typeof code === 'string' && SOCKET_CODES.has(code)) || (code === 'ENOENT' && syscall === 'connect');
}
// SQLSTATEs that say "the server cannot serve now", not "this statement is wrong": class 08 (connection exception),
// 57P01–57P03 (admin/crash shutdown, cannot connect now), 53300 (too many connections), 57014 (statement timeout).
const UNAVAILABLE_SQLSTATE = /^(08...|57P0[123]|53300)$/;
const OVERLOAD_SQLSTATE = new Set(['57014']);
// pg's own messages, which carry no code.
const PG_OVERLOAD_MESSAGES = ['timeout exceeded when trying to connect'];
const PG_DOWN_MESSAGES = [
  'Connection terminated unexpectedly',
  'Connection terminated due to connection timeout',
  'Connection terminated',
  'Client has encountered a connection error and is not queryable',
  'Client was closed and is not queryable',
];
// TypeORM releases a transaction's query runner when its connection errors (PostgreSQL stopped between two statements
// of a transaction): the next statement then fails with this, the connection loss being the cause.
const TYPEORM_CONNECTION_LOST = new Set(['QueryRunnerProviderAlreadyReleasedError']);
// ioredis with the offline queue off, or out of retries, while Redis is down.
const REDIS_DOWN = [/Stream isn't writeable/, /Reached the max retries per request limit/, /Connection is closed/];

interface ErrorLike {
  readonly name?: unknown;
  readonly code?: unknown;
  readonly message?: unknown;
  readonly cause?: unknown;
  readonly driverError?: unknown;
}

/** The error, the driver error TypeORM wrapped and every `cause` below them (bounded: cycles happen). */
function chain(error: unknown): ErrorLike[] {
  const out: ErrorLike[] = [];
  const queue: unknown[] = [error];
  while (queue.length > 0 && out.length < 8) {
    const e = queue.shift();
    if (typeof e !== 'object' || e === null || out.includes(e as ErrorLike)) continue;
    const like = e as ErrorLike;
    out.push(like);
    queue.push(like.driverError, like.cause);
  }
  return out;
}

/**
 * A failure that means overload or an unreachable dependency rather than a bug, as the 503 to answer with
 * (`OVERLOADED`: pool acquire timeout, statement timeout; `DEPENDENCY_UNAVAILABLE`: PostgreSQL or Redis down or the
 * connection cut), or null for anything else (which stays a 500).
 */
export function overloadException(error: unknown): DomainException | null {
  for (const e of chain(error)) {
    const code = typeof e.code === 'string' ? e.code : '';
    const message = typeof e.message === 'string' ? e.message : '';
    if (OVERLOAD_SQLSTATE.has(code) || PG_OVERLOAD_MESSAGES.includes(message)) return overloadedException();
    if (e.name === 'MaxRetriesPerRequestError' || REDIS_DOWN.some((r) => r.test(message))) return dependencyUnavailableException('redis');
    const name = typeof e.name === 'string' ? e.name : '';
    if (UNAVAILABLE_SQLSTATE.test(code) || isSocketFailure(e) || PG_DOWN_MESSAGES.includes(message) || TYPEORM_CONNECTION_LOST.has(name)) {
      return dependencyUnavailableException('postgresql');
    }
  }
  return null;
}
