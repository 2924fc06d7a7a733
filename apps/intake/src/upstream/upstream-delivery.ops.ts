import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock, DomainException } from '@sunshine/platform';
import type { DataSource } from 'typeorm';

import { OutboundParking } from '../outbound/outbound-delivery';
import { UPSTREAM_QUEUE } from './upstream.sender';
import type { UpstreamMessage } from './upstream-message';

/** A parked upstream message as city ops see it: codes only (the message carries no personal data). */
export interface ParkedUpstreamDelivery {
  readonly messageId: string;
  readonly caseId: string;
  readonly caseNumber: string;
  readonly sequence: number;
  readonly kind: string;
  readonly kindLabel: string;
  readonly status: string;
  readonly urgent: boolean;
  readonly attempts: number;
  readonly lastError: string | null;
  readonly createdAt: string;
  readonly parkedAt: string;
  /** Later messages of the same case waiting behind this one. */
  readonly waitingBehind: number;
}

export interface UpstreamDeliveryReplayed {
  readonly messageId: string;
  readonly replayId: string;
  readonly replayedAt: string;
}

const NOT_PARKED = new DomainException('UPSTREAM_DELIVERY_NOT_PARKED', 'not-found', {
  zh: '该上报消息不存在或未处于搁置状态',
  en: 'no parked upstream message with this id',
});

/** City ops over upstream messages the upstream kept refusing: list what is parked, replay one with a reason (recorded). */
@Injectable()
export class UpstreamDeliveryOps {
  private readonly parking: OutboundParking;

  constructor(@InjectDataSource() dataSource: DataSource, clock: Clock) {
    this.parking = new OutboundParking(dataSource, clock, UPSTREAM_QUEUE);
  }

  /** The messages of this status (only `parked` is listed), oldest first. */
  async list(_status: 'parked'): Promise<ParkedUpstreamDelivery[]> {
    const parked = await this.parking.list<UpstreamMessage>();
    return parked.map((p) => ({
      messageId: p.eventId,
      caseId: p.caseId,
      caseNumber: p.body.caseNumber,
      sequence: p.body.sequence,
      kind: p.body.kind,
      kindLabel: p.body.kindLabel,
      status: p.body.status,
      urgent: p.body.urgent,
      attempts: p.attempts,
      lastError: p.lastError,
      createdAt: p.createdAt,
      parkedAt: p.parkedAt,
      waitingBehind: p.waitingBehind,
    }));
  }

  /** Unparks the message (its attempts counted afresh, due at once) and records who replayed it and why; 404 if not parked. */
  async replay(messageId: string, reason: string, by: string): Promise<UpstreamDeliveryReplayed> {
    const replayed = await this.parking.replay(messageId, reason, by);
    if (!replayed) throw NOT_PARKED;
    return { messageId, replayId: replayed.replayId, replayedAt: replayed.replayedAt };
  }
}
