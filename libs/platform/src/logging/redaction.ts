/**
 * Log paths that may carry personal data (names, ID numbers, phones, addresses) or secrets. pino replaces them
 * with "[已脱敏 redacted]". Kept in one place so every service masks the same fields.
 */
export const REDACTED_PATHS: string[] = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-query-code"]',
  'req.headers["x-sunshine-callback-token"]',
  ...['name', 'idNumber', 'phone', 'address', 'queryCode', 'content', 'password', 'token', 'secret'].flatMap((f) => [
    f,
    `*.${f}`,
    `*.*.${f}`,
    `req.body.${f}`,
    `req.body.*.${f}`,
    `req.body.*[*].${f}`,
  ]),
];

export const REDACTION_CENSOR = '[已脱敏 redacted]';

/** Masks a phone or ID number for display: keeps the first 3 and last 4 characters. */
export function maskIdentifier(value: string): string {
  if (value.length <= 7) return '*'.repeat(value.length);
  return `${value.slice(0, 3)}${'*'.repeat(value.length - 7)}${value.slice(-4)}`;
}

/** Query parameters whose values are credentials (a callback's shared token, a robot's access token, a signature). */
const SECRET_QUERY_PARAMS = /([?&](?:token|access_token|secret|signature|sign|key)=)[^&#]*/gi;

/** A request URL as it may be logged: the values of credential query parameters censored. */
export function redactUrl(url: string): string {
  return url.replace(SECRET_QUERY_PARAMS, `$1${encodeURIComponent(REDACTION_CENSOR)}`);
}
