import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';

import type { ChannelProvider, OutboundMessage, SendResult } from '../channel';
import { CHANNELS_CONFIG, type ChannelsConfig } from '../channels-config';
import { failureMessage } from '../failure-reason';
import { deliveryMessageId } from './message-id';
import { type SmtpFailure, smtpOutcome } from './smtp-outcome';

/**
 * E-mail over SMTP with nodemailer: the zh-CN subject (encoded as RFC 2047 words by nodemailer), the rendered text as
 * a UTF-8 body, and a Message-ID made of the delivery id, so a resend carries the same one.
 */
@Injectable()
export class EmailChannelProvider implements ChannelProvider, OnModuleDestroy {
  readonly channel = 'email' as const;
  private readonly log = new Logger(EmailChannelProvider.name);
  private readonly transport: Transporter;

  constructor(@Inject(CHANNELS_CONFIG) private readonly config: ChannelsConfig) {
    const { smtp } = config;
    this.transport = createTransport({
      host: smtp.host,
      port: smtp.port,
      secure: smtp.secure,
      ...(smtp.auth ? { auth: { user: smtp.auth.user, pass: smtp.auth.pass } } : {}),
      connectionTimeout: smtp.timeoutMs,
      greetingTimeout: smtp.timeoutMs,
      socketTimeout: smtp.timeoutMs,
    });
  }

  async send(message: OutboundMessage): Promise<SendResult> {
    const messageId = deliveryMessageId(message.deliveryId, this.config.smtp.from);
    let result: SendResult;
    try {
      const info = (await this.transport.sendMail({
        from: this.config.smtp.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        messageId,
        headers: { 'X-Sunshine-Delivery': message.deliveryId, 'X-Sunshine-Kind': message.kind },
      })) as { messageId?: string };
      result = { outcome: 'accepted', providerId: info.messageId ?? messageId };
    } catch (error) {
      result = smtpOutcome(asSmtpFailure(error));
    }
    this.log.log({ deliveryId: message.deliveryId, messageId, outcome: result.outcome }, 'sendMail');
    return result;
  }

  onModuleDestroy(): void {
    this.transport.close();
  }
}

/** nodemailer's error (read by shape: an error from another realm fails `instanceof Error`). */
function asSmtpFailure(error: unknown): SmtpFailure {
  if (typeof error !== 'object' || error === null) return { message: String(error) };
  const e = error as { code?: unknown; responseCode?: unknown };
  return {
    ...(typeof e.code === 'string' ? { code: e.code } : {}),
    ...(typeof e.responseCode === 'number' ? { responseCode: e.responseCode } : {}),
    message: failureMessage(error),
  };
}
