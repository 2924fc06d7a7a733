/**
 * The one interface every delivery channel sits behind (通知渠道). The delivery worker renders a notice into an
 * `OutboundMessage` and hands it to the channel's provider; the provider talks to the real component (SMTP server,
 * cloud SMS HTTP API, webhook receiver, the in-app store) and answers what happened.
 */
export type ChannelName = 'in-app' | 'email' | 'sms' | 'webhook';

export interface OutboundMessage {
  /** The delivery's own id: unique per (event, recipient, channel, notice kind); also the provider-side idempotency id
   * (the SMS OutId, the e-mail Message-ID's local part, the webhook's `X-Sunshine-Delivery` header). */
  readonly deliveryId: string;
  readonly channel: ChannelName;
  /** The address in clear, obtained just in time (never stored in clear): phone number, e-mail, webhook URL. */
  readonly to: string;
  /** The notice kind (e.g. `case.assigned`, `petitioner.reply-served`). */
  readonly kind: string;
  /** zh-CN subject/title (e-mail subject, webhook title). */
  readonly subject: string;
  /** zh-CN rendered text. */
  readonly text: string;
  /** Provider template id and its parameters (SMS templates); absent for free-text channels. */
  readonly template?: { readonly id: string; readonly params: Readonly<Record<string, string>> };
  /** Webhook only: the unit's secret (unsealed just in time) for the HMAC-SHA256 signature. */
  readonly secret?: string;
}

export type SendResult =
  /** The provider accepted it; `providerId` is its id (SMS BizId, SMTP Message-ID, HTTP status…). */
  | { readonly outcome: 'accepted'; readonly providerId: string }
  /** Worth retrying (throttled, timeout, 5xx); `retryAfterMs` when the provider said so. */
  | { readonly outcome: 'retry'; readonly reason: string; readonly retryAfterMs?: number }
  /** Never worth retrying (invalid number, template refused, 4xx). */
  | { readonly outcome: 'rejected'; readonly reason: string };

export interface ChannelProvider {
  readonly channel: ChannelName;
  send(message: OutboundMessage): Promise<SendResult>;
  /**
   * Optional: an attempt in doubt (an earlier one was cut off after calling the provider and before the local record)
   * asks the provider whether it took this delivery id: its SendResult (accepted: do not send again) or null (it never
   * arrived: send). Channels without it send again (their receivers deduplicate by the delivery id).
   */
  inDoubt?(message: OutboundMessage): Promise<SendResult | null>;
}

/** Nest injection token of the providers (`ChannelProvider[]`, one per channel). */
export const CHANNEL_PROVIDERS = Symbol('CHANNEL_PROVIDERS');
