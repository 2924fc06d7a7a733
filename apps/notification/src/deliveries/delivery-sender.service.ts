import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock, failpoint, OutboxRelay, PLATFORM_CONFIG, type PlatformConfig } from '@sunshine/platform';
import type { DataSource } from 'typeorm';

import { CHANNEL_PROVIDERS, type ChannelProvider, type OutboundMessage, type SendResult } from '../channels/channel';
import { UnitMailboxStore } from '../channels/mailbox/unit-mailbox.store';
import { UnitWebhookStore } from '../channels/webhook/unit-webhook.store';
import { NOTIFICATION_CONFIG, type NotificationConfig } from '../notification-config';
import { IntakeDeliveryClient, IntakeUnavailable } from '../petitioners/intake-delivery.client';
import { maskAddress } from '../shared/masked-address';
import { TemplateRenderer } from '../templates/template-renderer';
import { DeliveryRepository } from './delivery.repository';
import type { DeliveryRow } from './delivery-row';
import { NoticeReceipts } from './notice-receipts';

/** A failed attempt worth retrying; the queue waits (backoff with jitter, or what the provider asked) and tries again. */
export class RetryDelivery extends Error {
  constructor(
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

type Addressed =
  { readonly to: string; readonly masked: string | null; readonly text?: string; readonly secret?: string } | { readonly skip: string };

/**
 * One attempt at one delivery: the address just in time (a unit's id, webhook or mailbox, or the petitioner's from
 * intake), the rendered template, the channel's provider with the delivery id as its idempotency id; then the outcome
 * recorded with the masked address only, and the legal receipt (case.notice-delivered / -failed) in the same transaction.
 */
@Injectable()
export class DeliverySender {
  private readonly logger = new Logger(DeliverySender.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CHANNEL_PROVIDERS) private readonly providers: ChannelProvider[],
    private readonly deliveries: DeliveryRepository,
    private readonly receipts: NoticeReceipts,
    private readonly intake: IntakeDeliveryClient,
    private readonly webhooks: UnitWebhookStore,
    private readonly mailboxes: UnitMailboxStore,
    private readonly templates: TemplateRenderer,
    private readonly relay: OutboxRelay,
    private readonly clock: Clock,
    @Inject(NOTIFICATION_CONFIG) private readonly config: NotificationConfig,
    @Inject(PLATFORM_CONFIG) private readonly platform: PlatformConfig,
  ) {}

  /** `attempt` counts from 1; `last` when the queue will not try again. Throws RetryDelivery to be retried. */
  async attempt(id: string, attempt: number, last: boolean): Promise<void> {
    const d = await this.deliveries.get(this.dataSource.manager, id);
    if (!d || !['pending', 'queued', 'sending'].includes(d.status)) return;
    const provider = this.providers.find((p) => p.channel === d.channel);
    if (!provider) return this.finish(d, 'skipped', attempt, `no provider for channel ${d.channel}`, null);
    let address: Addressed;
    try {
      address = await this.addressOf(d);
    } catch (error) {
      const retry = !(error instanceof IntakeUnavailable) || error.retry;
      return this.failed(d, attempt, last || !retry, error instanceof Error ? error.message : String(error), null);
    }
    if ('skip' in address) return this.finish(d, 'skipped', attempt, address.skip, null);
    const params = this.paramsOf(d, address.text);
    const rendered = this.templates.render(d.kind, params);
    const message: OutboundMessage = {
      deliveryId: d.id,
      channel: d.channel,
      to: address.to,
      kind: d.kind,
      subject: rendered.subject,
      text: rendered.text,
      template: { id: d.kind, params: Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)])) },
      ...(address.secret ? { secret: address.secret } : {}),
    };
    const failed = (error: unknown): SendResult => ({ outcome: 'retry', reason: error instanceof Error ? error.message : String(error) });
    // In doubt: an earlier attempt left the row `sending` (crashed after calling the provider, or got no answer). A
    // provider that can tell (SMS: QuerySendDetails by OutId) is asked first; only a delivery it never took is sent.
    const inDoubt = d.status === 'sending' && provider.inDoubt ? await provider.inDoubt(message).catch(failed) : null;
    if (!inDoubt) await this.deliveries.sending(this.dataSource.manager, d.id, attempt, this.clock.now());
    const result: SendResult = inDoubt ?? (await provider.send(message).catch(failed));
    // Test-only crash point (FAILPOINTS): the provider took it, the row does not say so yet.
    if (!inDoubt && result.outcome === 'accepted') failpoint(this.platform, 'notification.after-provider-accepted', d.channel);
    if (result.outcome === 'accepted') return this.delivered(d, attempt, result.providerId, address.masked, rendered.version);
    if (result.outcome === 'rejected') return this.failed(d, attempt, true, result.reason, address.masked);
    return this.failed(d, attempt, last, result.reason, address.masked, result.retryAfterMs);
  }

  /** The queue gave up on it (attempts spent while the process was away): dead, with its receipt. */
  async giveUp(id: string, attempts: number, reason: string): Promise<void> {
    const d = await this.deliveries.get(this.dataSource.manager, id);
    if (d && ['pending', 'queued', 'sending'].includes(d.status)) await this.failed(d, attempts, true, reason, null);
  }

  private async addressOf(d: DeliveryRow): Promise<Addressed> {
    if (d.recipient.startsWith('unit:')) {
      const unitId = d.recipient.slice('unit:'.length);
      if (d.channel === 'in-app') return { to: unitId, masked: null };
      if (d.channel === 'webhook') {
        const target = await this.webhooks.target(unitId);
        return target ? { to: target.url, masked: null, secret: target.secret } : { skip: 'the unit has no webhook' };
      }
      // A unit is mailed at its mailbox only, never at its id or anything else; units have no phone.
      const mailbox = d.channel === 'email' ? await this.mailboxes.address(unitId) : null;
      return mailbox ? { to: mailbox, masked: maskAddress(mailbox) } : { skip: `the unit is not reached by ${d.channel}` };
    }
    if (!d.caseId) return { skip: 'no case' };
    if (d.kind === 'petitioner.one-time-code') {
      const message = await this.intake.message(d.eventId);
      // intake writes its own signature 【…】 first; the provider adds the registered one.
      return { to: message.to, masked: maskAddress(message.to), text: message.text.replace(/^【[^】]*】/, '') };
    }
    const address = await this.intake.address(d.caseId);
    if (!address.channels.includes(d.channel)) return { skip: `the petitioner is not reached by ${d.channel}` };
    const to = d.channel === 'sms' ? address.phone : d.channel === 'email' ? address.email : null;
    return to ? { to, masked: maskAddress(to) } : { skip: `no ${d.channel} address on file` };
  }

  private paramsOf(d: DeliveryRow, text?: string): Record<string, string | number | boolean> {
    const caseNumber = typeof d.params['caseNumber'] === 'string' ? d.params['caseNumber'] : '';
    return { ...d.params, link: `${this.config.publicQueryUrl}?caseNumber=${encodeURIComponent(caseNumber)}`, ...(text ? { text } : {}) };
  }

  private async delivered(
    d: DeliveryRow,
    attempt: number,
    providerId: string,
    masked: string | null,
    templateVersion: number,
  ): Promise<void> {
    const now = this.clock.now();
    await this.dataSource.transaction(async (m) => {
      await this.deliveries.delivered(m, d.id, attempt, providerId, masked, now);
      await m.query(`UPDATE deliveries SET template_version = $2 WHERE id = $1`, [d.id, templateVersion]);
      await this.receipts.delivered(m, d, attempt, now);
    });
    this.relay.poke();
  }

  private async failed(
    d: DeliveryRow,
    attempt: number,
    final: boolean,
    reason: string,
    masked: string | null,
    retryAfterMs?: number,
  ): Promise<void> {
    const now = this.clock.now();
    await this.dataSource.transaction(async (m) => {
      if (final) await this.deliveries.finished(m, d.id, 'dead', attempt, reason, masked, now);
      else await this.deliveries.attempted(m, d.id, attempt, reason, now);
      await this.receipts.failed(m, d, attempt, reason, final, now);
    });
    this.relay.poke();
    this.logger.warn(`delivery ${d.id} (${d.kind} by ${d.channel}) attempt ${attempt} failed${final ? ', dead' : ''}: ${reason}`);
    if (!final) throw new RetryDelivery(reason, retryAfterMs);
  }

  private async finish(d: DeliveryRow, status: 'skipped', attempt: number, reason: string, masked: string | null): Promise<void> {
    await this.deliveries.finished(this.dataSource.manager, d.id, status, attempt, reason, masked, this.clock.now());
  }
}
