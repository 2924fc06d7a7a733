import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { previewConfig, verifyBodySignature } from '@sunshine/platform';

import type { OutboundMessage } from '../../src/channels/channel';
import { loadChannelsConfig } from '../../src/channels/channels-config';
import { WebhookChannelProvider } from '../../src/channels/webhook/webhook-channel.provider';

interface Received {
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  readonly valid: boolean;
}

const SECRET = 'whsec-东屯镇-2026-0001';

describe('webhook channel against a local receiver that checks the HMAC', () => {
  const received: Received[] = [];
  let receiver: Server;
  let base: string;
  const provider = new WebhookChannelProvider(loadChannelsConfig(previewConfig('notification'), { WEBHOOK_TIMEOUT_MS: '1000' }));

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const timestamp = String(req.headers['x-sunshine-timestamp'] ?? '');
        const valid = verifyBodySignature(SECRET, timestamp, body, String(req.headers['x-sunshine-signature'] ?? ''));
        received.push({ path: req.url ?? '', headers: req.headers, body, valid });
        const status = Number(/status=(\d+)/.exec(req.url ?? '')?.[1] ?? (valid ? 204 : 401));
        if (req.url?.includes('slow')) return void setTimeout(() => res.writeHead(200).end(), 3000);
        res.writeHead(status, status === 429 ? { 'retry-after': '30' } : {}).end();
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', () => r()));
    base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    receiver.closeAllConnections();
    await new Promise<void>((r) => receiver.close(() => r()));
  });

  function message(deliveryId: string, path: string, secret = SECRET): OutboundMessage {
    return {
      deliveryId,
      channel: 'webhook',
      to: `${base}${path}`,
      kind: 'case.dispatched',
      secret,
      subject: '新信访事项到达：410726-2026-000123',
      text: '信访事项 410726-2026-000123 已转送贵单位，请于 2026年12月17日 前签收受理。',
    };
  }

  it('posts the notice as JSON with a valid signature, the timestamp and the delivery id', async () => {
    const before = Math.floor(Date.now() / 1000);
    expect(await provider.send(message('d-hook-1', '/hooks/dongtun'))).toEqual({ outcome: 'accepted', providerId: 'HTTP 204' });
    const got = received.find((r) => r.headers['x-sunshine-delivery'] === 'd-hook-1');
    expect(got?.valid).toBe(true);
    expect(got?.path).toBe('/hooks/dongtun');
    expect(got?.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(Number(got?.headers['x-sunshine-timestamp'])).toBeGreaterThanOrEqual(before);
    expect(Number(got?.headers['x-sunshine-timestamp'])).toBeLessThanOrEqual(before + 5);
    expect(JSON.parse(got?.body ?? '{}')).toMatchObject({
      deliveryId: 'd-hook-1',
      kind: 'case.dispatched',
      title: '新信访事项到达：410726-2026-000123',
      text: '信访事项 410726-2026-000123 已转送贵单位，请于 2026年12月17日 前签收受理。',
    });
  });

  it('signed with another secret, the receiver refuses it (401) and the delivery is rejected', async () => {
    expect(await provider.send(message('d-hook-2', '/hooks/dongtun', 'not-the-unit-secret'))).toEqual({
      outcome: 'rejected',
      reason: 'HTTP 401',
    });
    expect(received.find((r) => r.headers['x-sunshine-delivery'] === 'd-hook-2')?.valid).toBe(false);
  });

  it('retries a 5xx, a 408 and a 429 (with its Retry-After), rejects another 4xx', async () => {
    expect(await provider.send(message('d-500', '/hooks?status=500'))).toEqual({ outcome: 'retry', reason: 'HTTP 500' });
    expect(await provider.send(message('d-408', '/hooks?status=408'))).toEqual({ outcome: 'retry', reason: 'HTTP 408' });
    expect(await provider.send(message('d-429', '/hooks?status=429'))).toEqual({
      outcome: 'retry',
      reason: 'HTTP 429',
      retryAfterMs: 30_000,
    });
    expect(await provider.send(message('d-410', '/hooks?status=410'))).toEqual({ outcome: 'rejected', reason: 'HTTP 410' });
  });

  it('does not follow a redirect (retried as a non-2xx)', async () => {
    expect(await provider.send(message('d-302', '/hooks?status=302'))).toEqual({ outcome: 'retry', reason: 'HTTP 302' });
  });

  it('retries when the receiver does not answer in time', async () => {
    const result = await provider.send(message('d-slow', '/hooks/slow'));
    expect(result.outcome).toBe('retry');
    expect(result.outcome === 'retry' && result.reason).toMatch(/^no answer from the webhook: /);
  });

  it('refuses a URL into the platform’s own network when internal targets are not allowed (production’s default)', async () => {
    const guarded = new WebhookChannelProvider(
      loadChannelsConfig(previewConfig('notification'), { WEBHOOK_ALLOW_INTERNAL_TARGETS: 'false' }),
    );
    expect(await guarded.send(message('d-ssrf', '/hooks'))).toEqual({
      outcome: 'rejected',
      reason: "the webhook's host is an internal address (127.0.0.1)",
    });
    expect(received.some((r) => r.headers['x-sunshine-delivery'] === 'd-ssrf')).toBe(false);
  });

  it('is rejected without a secret or with a URL that is not http(s)', async () => {
    const { secret: _, ...unsigned } = message('d-nosecret', '/hooks');
    expect(await provider.send(unsigned)).toEqual({ outcome: 'rejected', reason: 'no webhook secret: the unit has no webhook configured' });
    expect(await provider.send({ ...message('d-ftp', '/x'), to: 'ftp://example.org/x' })).toEqual({
      outcome: 'rejected',
      reason: 'not an http(s) URL',
    });
  });
});
