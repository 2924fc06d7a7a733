import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { maskIdentifier } from '@sunshine/platform';
import type { ChannelProvider, OutboundMessage, SendResult } from '../channel';
import { CHANNELS_CONFIG, type ChannelsConfig } from '../channels-config';
import { failureMessage } from '../failure-reason';
import { rpcSignature } from './aliyun-signature';
import { smsOutcome, type AliyunSmsAnswer } from './aliyun-sms-outcome';
import { smsSegments } from './sms-segments';

/** The dysmsapi API version SendSms belongs to. */
export const DYSMSAPI_VERSION = '2017-05-25';

/** `2026-12-02T06:30:00Z`: the provider's Timestamp, UTC to the second. */
function timestamp(at: Date): string {
  return `${at.toISOString().slice(0, 19)}Z`;
}

/**
 * SMS over Alibaba Cloud's SendSms (dysmsapi, RPC style, signed as documented: see aliyun-signature.ts). The request is
 * a form POST (the phone number never sits in a URL an access log keeps); `OutId` is the delivery id, so a delivery
 * report, and a look at the provider's console after a crash, name the delivery. The provider sends registered
 * templates only: the notice kind's TemplateCode (SMS_TEMPLATE_CODES), else, outside production, a catch-all one.
 */
@Injectable()
export class AliyunSmsProvider implements ChannelProvider {
  readonly channel = 'sms' as const;
  private readonly log = new Logger(AliyunSmsProvider.name);

  constructor(@Inject(CHANNELS_CONFIG) private readonly config: ChannelsConfig) {}

  /**
   * The provider's template for the message: the TemplateCode configured for its kind (`template.id` is the notice
   * kind, or already a TemplateCode) with its parameters; else the fallback template with the whole text as `text`;
   * null when there is neither.
   */
  providerTemplate(message: OutboundMessage): { readonly code: string; readonly params: Readonly<Record<string, string>> } | null {
    const { templateCodes, fallbackTemplateCode } = this.config.sms;
    const template = message.template;
    if (!template) return null;
    const code = templateCodes[template.id] ?? (/^SMS_\w+$/.test(template.id) ? template.id : undefined);
    if (code) return { code, params: template.params };
    return fallbackTemplateCode ? { code: fallbackTemplateCode, params: { text: message.text } } : null;
  }

  /** The signed SendSms parameters (Signature included) for `message`, at `at` with `nonce`. */
  signedParams(message: OutboundMessage, at: Date, nonce: string): Record<string, string> {
    const { sms } = this.config;
    const template = this.providerTemplate(message);
    if (!template) throw new Error('an SMS needs a registered template');
    const params: Record<string, string> = {
      AccessKeyId: sms.accessKeyId,
      Action: 'SendSms',
      Format: 'JSON',
      OutId: message.deliveryId,
      PhoneNumbers: message.to,
      RegionId: sms.regionId,
      SignName: sms.signName,
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: nonce,
      SignatureVersion: '1.0',
      TemplateCode: template.code,
      TemplateParam: JSON.stringify(template.params),
      Timestamp: timestamp(at),
      Version: DYSMSAPI_VERSION,
    };
    return { ...params, Signature: rpcSignature('POST', params, sms.accessKeySecret) };
  }

  async send(message: OutboundMessage): Promise<SendResult> {
    if (!this.providerTemplate(message)) {
      return { outcome: 'rejected', reason: `no SMS template for ${message.kind}: the provider sends registered templates only (SMS_TEMPLATE_CODES)` };
    }
    if (!/^(\+?86|0086)?1\d{10}$/.test(message.to)) return { outcome: 'rejected', reason: 'not a mainland mobile number' };
    // The provider checks Timestamp against real time (15 minutes): the wall clock, never a test clock offset.
    const body = new URLSearchParams(this.signedParams(message, new Date(), randomUUID()));
    const segments = smsSegments(this.config.sms.signName, message.text);
    let result: SendResult;
    try {
      const res = await fetch(this.config.sms.endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', accept: 'application/json' },
        body,
        signal: AbortSignal.timeout(this.config.sms.timeoutMs),
      });
      result = smsOutcome(res.status, await readAnswer(res));
    } catch (error) {
      result = { outcome: 'retry', reason: `no answer from the SMS provider: ${failureMessage(error)}` };
    }
    this.log.log({ deliveryId: message.deliveryId, to: maskIdentifier(message.to), segments, outcome: result.outcome }, 'SendSms');
    return result;
  }
}

async function readAnswer(res: Response): Promise<AliyunSmsAnswer | null> {
  const text = await res.text();
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null ? (parsed as AliyunSmsAnswer) : null;
  } catch {
    return null;
  }
}
