import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock, type FieldCipher } from '@sunshine/platform';
import type { DataSource } from 'typeorm';

import { FIELD_CIPHER } from '../crypto/crypto.module';
import { OutboundDeliveryLoop, type OutboundQueue } from '../outbound/outbound-delivery';
import { type HotlineFeedbackConfig, loadHotlineFeedbackConfig } from './hotline-feedback.config';

/** How often due feedback is looked for. */
const POLL_MS = 1000;

interface SystemColumns {
  callback_url: string;
  callback_secret_enc: string;
}

/** The 12345 feedback outbox: each row goes to the callback URL of the system that sent the order, signed with its secret. */
export function hotlineFeedbackQueue(config: HotlineFeedbackConfig, cipher: FieldCipher): OutboundQueue<SystemColumns> {
  return {
    name: 'hotline feedback',
    table: 'hotline_feedback',
    replaysTable: 'hotline_feedback_replays',
    userAgent: 'Sunshine-12345/1',
    join: 'JOIN hotline_orders o ON o.case_id = f.case_id JOIN hotline_systems s ON s.id = o.system_id',
    columns: ', s.callback_url, s.callback_secret_enc',
    target: (row) => ({ url: row.callback_url, secret: cipher.decrypt(row.callback_secret_enc) }),
    maxAttempts: config.maxAttempts,
    retryBaseMs: config.retryBaseMs,
    timeoutMs: 10_000,
  };
}

/**
 * Posts queued 12345 feedback to the hotline system's callback URL by intake's one delivery loop (OutboundDeliveryLoop:
 * in order per case, at least once until a 2xx, no transaction open during the POST, backoff, parked after the
 * configured attempts until city ops replay it — HotlineFeedbackOps).
 */
@Injectable()
export class HotlineFeedbackSender implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly config: HotlineFeedbackConfig = loadHotlineFeedbackConfig();
  private readonly loop: OutboundDeliveryLoop<SystemColumns>;

  constructor(@InjectDataSource() dataSource: DataSource, clock: Clock, @Inject(FIELD_CIPHER) cipher: FieldCipher) {
    this.loop = new OutboundDeliveryLoop(dataSource, clock, hotlineFeedbackQueue(this.config, cipher));
  }

  onApplicationBootstrap(): void {
    this.loop.start(POLL_MS);
  }

  onModuleDestroy(): void {
    this.loop.stop();
  }
}
