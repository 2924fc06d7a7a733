import { v7 as uuidv7 } from 'uuid';

/** The header that carries the correlation id in and out of every HTTP service. */
export const CORRELATION_HEADER = 'x-correlation-id';
/** Accepted on the way in when no usable X-Correlation-Id came (proxies and gateways set it). */
export const REQUEST_ID_HEADER = 'x-request-id';

// Ids are echoed in headers and logs and copied into events: no spaces, quotes, commas or control characters, and
// no longer than the envelope's correlationId allows (96).
const SANE_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,95}$/;

/** Whether a caller's id can be taken as is: 1–96 characters of letters, digits and `. _ : -`, starting alphanumeric. */
export function isSaneCorrelationId(value: unknown): value is string {
  return typeof value === 'string' && SANE_ID.test(value);
}

/** A new correlation id (UUIDv7: time-ordered, so logs and events sort by it). */
export function newCorrelationId(): string {
  return uuidv7();
}

/**
 * The correlation id a request should run under: its X-Correlation-Id when sane, else its X-Request-Id when sane,
 * else a new one. A repeated header arrives joined by commas and so is never sane.
 */
export function correlationIdOf(headers: Readonly<Record<string, string | string[] | undefined>>): string {
  for (const name of [CORRELATION_HEADER, REQUEST_ID_HEADER]) {
    const value = headers[name];
    if (isSaneCorrelationId(value)) return value;
  }
  return newCorrelationId();
}
