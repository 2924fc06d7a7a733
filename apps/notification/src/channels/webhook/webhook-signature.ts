import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The webhook signature (`X-Sunshine-Signature: sha256=<hex>`): HMAC-SHA256 with the unit's secret over
 * `<X-Sunshine-Timestamp>.<raw body>`, the timestamp in Unix seconds. A receiver recomputes it over the bytes it got,
 * compares in constant time and refuses a timestamp older than a few minutes (a replay).
 */
export function webhookSignature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex')}`;
}

/** A receiver's check (what the documentation tells integrators to do), used by the tests' receiver. */
export function verifyWebhookSignature(secret: string, timestamp: string, body: string, header: string): boolean {
  const expected = Buffer.from(webhookSignature(secret, timestamp, body));
  const given = Buffer.from(header);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
