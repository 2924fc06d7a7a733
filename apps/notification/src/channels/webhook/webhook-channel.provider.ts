import { Inject, Injectable, Logger } from '@nestjs/common';
import { bodySignature } from '@sunshine/platform';

import type { ChannelProvider, OutboundMessage, SendResult } from '../channel';
import { CHANNELS_CONFIG, type ChannelsConfig } from '../channels-config';
import { failureMessage } from '../failure-reason';
import { internalAddressOf } from './private-address';
import { retryAfterMs, webhookOutcome } from './webhook-outcome';

/** What a webhook receives (JSON, UTF-8). */
export interface WebhookPayload {
  readonly deliveryId: string;
  readonly kind: string;
  readonly title: string;
  readonly text: string;
  /** When it was signed (ISO instant; the same instant as X-Sunshine-Timestamp). */
  readonly sentAt: string;
}

/**
 * A unit's webhook (政务微信/钉钉-style robots behind a relay, other systems): POST of the notice as JSON with
 * `X-Sunshine-Timestamp`, `X-Sunshine-Delivery` and `X-Sunshine-Signature: sha256=<hex HMAC-SHA256 of
 * "<timestamp>.<body>">` under the unit's secret (`message.secret`, unsealed just in time by the caller). Redirects
 * are not followed (the signed body would go where the unit did not say); in production a URL into the platform's own
 * network (loopback, private ranges) is refused.
 */
@Injectable()
export class WebhookChannelProvider implements ChannelProvider {
  readonly channel = 'webhook' as const;
  private readonly log = new Logger(WebhookChannelProvider.name);

  constructor(@Inject(CHANNELS_CONFIG) private readonly config: ChannelsConfig) {}

  /** A refusal when the URL leads into the platform's own network and that is not allowed (SSRF); null otherwise. */
  private async internalTarget(url: URL): Promise<SendResult | null> {
    if (this.config.webhook.allowInternalTargets) return null;
    try {
      const address = await internalAddressOf(url.hostname);
      return address ? { outcome: 'rejected', reason: `the webhook's host is an internal address (${address})` } : null;
    } catch (error) {
      return { outcome: 'retry', reason: `the webhook's host does not resolve: ${failureMessage(error)}` };
    }
  }

  async send(message: OutboundMessage): Promise<SendResult> {
    if (!message.secret) return { outcome: 'rejected', reason: 'no webhook secret: the unit has no webhook configured' };
    const url = URL.canParse(message.to) ? new URL(message.to) : null;
    if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) return { outcome: 'rejected', reason: 'not an http(s) URL' };
    const refused = await this.internalTarget(url);
    if (refused) return refused;
    // The receiver checks the timestamp against real time: the wall clock, never a test clock offset.
    const now = new Date();
    const timestamp = String(Math.floor(now.getTime() / 1000));
    const payload: WebhookPayload = {
      deliveryId: message.deliveryId,
      kind: message.kind,
      title: message.subject,
      text: message.text,
      sentAt: now.toISOString(),
    };
    const body = JSON.stringify(payload);
    let result: SendResult;
    try {
      const res = await fetch(url, {
        method: 'POST',
        redirect: 'manual',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'user-agent': 'Sunshine-Webhook/1',
          'x-sunshine-timestamp': timestamp,
          'x-sunshine-delivery': message.deliveryId,
          'x-sunshine-signature': bodySignature(message.secret, timestamp, body),
        },
        body,
        signal: AbortSignal.timeout(this.config.webhook.timeoutMs),
      });
      await res.arrayBuffer();
      result = webhookOutcome(res.status, retryAfterMs(res.headers.get('retry-after'), Date.now()));
    } catch (error) {
      result = { outcome: 'retry', reason: `no answer from the webhook: ${failureMessage(error)}` };
    }
    this.log.log({ deliveryId: message.deliveryId, host: url.host, outcome: result.outcome }, 'webhook');
    return result;
  }
}
