import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The signature of an outbound HTTP body (`X-Sunshine-Signature: sha256=<hex>`): HMAC-SHA256 with the receiver's shared
 * secret over `<X-Sunshine-Timestamp>.<raw body>`, the timestamp in Unix seconds. A receiver recomputes it over the
 * bytes it got, compares in constant time and refuses a timestamp older than a few minutes (a replay).
 */
export function bodySignature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex')}`;
}

/** A receiver's check (what the documentation tells integrators to do). */
export function verifyBodySignature(secret: string, timestamp: string, body: string, header: string): boolean {
  const expected = Buffer.from(bodySignature(secret, timestamp, body));
  const given = Buffer.from(header);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
