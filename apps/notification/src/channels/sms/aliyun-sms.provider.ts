import { randomUUID } from 'node:crypto';

import { Inject, Injectable, Logger } from '@nestjs/common';
import { maskIdentifier } from '@sunshine/platform';

import type { ChannelProvider, OutboundMessage, SendResult } from '../channel';
import { CHANNELS_CONFIG, type ChannelsConfig } from '../channels-config';
import { failureMessage } from '../failure-reason';
import {
  type AliyunQueryAnswer,
  type QueryPageOutcome,
  queryPageOutcome,
  querySendDetailsParams,
  shanghaiSendDate,
} from './aliyun-query-send-details';
import { rpcSignature } from './aliyun-signature';
import { smsOutcome } from './aliyun-sms-outcome';
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
    return this.signed(
      {
        Action: 'SendSms',
        OutId: message.deliveryId,
        PhoneNumbers: message.to,
        SignName: sms.signName,
        TemplateCode: template.code,
        TemplateParam: JSON.stringify(template.params),
      },
      at,
      nonce,
    );
  }

  /** `action`'s parameters with the common ones around them (key, format, region, time, nonce), signed. */
  private signed(action: Record<string, string>, at: Date, nonce: string): Record<string, string> {
    const { sms } = this.config;
    const params: Record<string, string> = {
      AccessKeyId: sms.accessKeyId,
      Format: 'JSON',
      RegionId: sms.regionId,
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: nonce,
      SignatureVersion: '1.0',
      Timestamp: timestamp(at),
      Version: DYSMSAPI_VERSION,
      ...action,
    };
    return { ...params, Signature: rpcSignature('POST', params, sms.accessKeySecret) };
  }

  /** The signed QuerySendDetails parameters (Signature included) for `phone` on `sendDate` (yyyyMMdd), page `page`. */
  signedQuery(phone: string, sendDate: string, page: number, at: Date, nonce: string): Record<string, string> {
    return this.signed(querySendDetailsParams(phone, sendDate, page), at, nonce);
  }

  /**
   * An attempt in doubt (an earlier one was cut off between the provider's answer and the local record): did the
   * provider take this OutId? QuerySendDetails for the number, today and yesterday in Asia/Shanghai (a crash across
   * midnight), page by page (50 a page, the maximum); a record with OutId = deliveryId → accepted (its SendStatus,
   * waiting, failed or delivered, is the delivery report's business, not a reason to send again); none → null (never
   * sent: send it); the query failing → retry (sending blind could be the duplicate this exists to prevent).
   */
  async inDoubt(message: OutboundMessage): Promise<SendResult | null> {
    const now = new Date();
    for (const day of [shanghaiSendDate(now), shanghaiSendDate(new Date(now.getTime() - 86_400_000))]) {
      for (let page = 1; ; page += 1) {
        let outcome: QueryPageOutcome;
        try {
          const res = await this.post(this.signedQuery(message.to, day, page, new Date(), randomUUID()));
          outcome = queryPageOutcome(res.status, await readAnswer(res), message.deliveryId, page);
        } catch (error) {
          return { outcome: 'retry', reason: `QuerySendDetails: no answer from the SMS provider: ${failureMessage(error)}` };
        }
        if ('outcome' in outcome) return outcome;
        if (outcome.found) {
          this.log.log(
            { deliveryId: message.deliveryId, to: maskIdentifier(message.to), day },
            'QuerySendDetails: already accepted, not sent again',
          );
          // QuerySendDetails names no BizId per record: the OutId (the delivery id) stands for it.
          return { outcome: 'accepted', providerId: `OutId:${message.deliveryId}` };
        }
        if (!outcome.more) break;
      }
    }
    return null;
  }

  /** One RPC call as a form POST (the phone number never sits in a URL an access log keeps) of signed parameters. */
  private async post(signed: Record<string, string>): Promise<Response> {
    return fetch(this.config.sms.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', accept: 'application/json' },
      body: new URLSearchParams(signed),
      signal: AbortSignal.timeout(this.config.sms.timeoutMs),
    });
  }

  async send(message: OutboundMessage): Promise<SendResult> {
    if (!this.providerTemplate(message)) {
      return {
        outcome: 'rejected',
        reason: `no SMS template for ${message.kind}: the provider sends registered templates only (SMS_TEMPLATE_CODES)`,
      };
    }
    if (!/^(\+?86|0086)?1\d{10}$/.test(message.to)) return { outcome: 'rejected', reason: 'not a mainland mobile number' };
    // The provider checks Timestamp against real time (15 minutes): the wall clock, never a test clock offset.
    const params = this.signedParams(message, new Date(), randomUUID());
    const segments = smsSegments(this.config.sms.signName, message.text);
    let result: SendResult;
    try {
      const res = await this.post(params);
      result = smsOutcome(res.status, await readAnswer(res));
    } catch (error) {
      result = { outcome: 'retry', reason: `no answer from the SMS provider: ${failureMessage(error)}` };
    }
    this.log.log({ deliveryId: message.deliveryId, to: maskIdentifier(message.to), segments, outcome: result.outcome }, 'SendSms');
    return result;
  }
}

async function readAnswer(res: Response): Promise<AliyunQueryAnswer | null> {
  const text = await res.text();
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null ? (parsed as AliyunQueryAnswer) : null;
  } catch {
    return null;
  }
}
