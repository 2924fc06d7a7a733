import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock, DomainException } from '@sunshine/platform';
import type { DataSource } from 'typeorm';

import { OutboundParking } from '../outbound/outbound-delivery';
import type { HotlineFeedback } from './hotline-feedback';

/** A parked feedback as city ops see it: codes and labels only (the feedback itself carries no personal data). */
export interface ParkedHotlineFeedback {
  readonly feedbackId: string;
  readonly caseId: string;
  readonly orderNo: string;
  readonly caseNumber: string;
  readonly kind: string;
  readonly kindLabel: string;
  readonly attempts: number;
  readonly lastError: string | null;
  readonly createdAt: string;
  readonly parkedAt: string;
  /** Later feedback of the same case waiting behind this one. */
  readonly waitingBehind: number;
}

export interface HotlineFeedbackReplayed {
  readonly feedbackId: string;
  readonly replayId: string;
  readonly replayedAt: string;
}

const NOT_PARKED = new DomainException('HOTLINE_FEEDBACK_NOT_PARKED', 'not-found', {
  zh: '该热线反馈不存在或未处于搁置状态',
  en: 'no parked hotline feedback with this id',
});

/** City ops over 12345 feedback the hotline kept refusing: list what is parked, replay one with a reason (recorded). */
@Injectable()
export class HotlineFeedbackOps {
  private readonly parking: OutboundParking;

  constructor(@InjectDataSource() dataSource: DataSource, clock: Clock) {
    this.parking = new OutboundParking(dataSource, clock, { table: 'hotline_feedback', replaysTable: 'hotline_feedback_replays' });
  }

  /** The feedback of this status (only `parked` is listed: delivered and pending feedback need no hand). */
  async list(_status: 'parked'): Promise<ParkedHotlineFeedback[]> {
    const parked = await this.parking.list<Pick<HotlineFeedback, 'orderNo' | 'caseNumber' | 'kind' | 'kindLabel'>>();
    return parked.map((p) => ({
      feedbackId: p.eventId,
      caseId: p.caseId,
      orderNo: p.body.orderNo,
      caseNumber: p.body.caseNumber,
      kind: p.body.kind,
      kindLabel: p.body.kindLabel,
      attempts: p.attempts,
      lastError: p.lastError,
      createdAt: p.createdAt,
      parkedAt: p.parkedAt,
      waitingBehind: p.waitingBehind,
    }));
  }

  /** Unparks the feedback (its attempts counted afresh, due at once) and records who replayed it and why; 404 if not parked. */
  async replay(feedbackId: string, reason: string, by: string): Promise<HotlineFeedbackReplayed> {
    const replayed = await this.parking.replay(feedbackId, reason, by);
    if (!replayed) throw NOT_PARKED;
    return { feedbackId, replayId: replayed.replayId, replayedAt: replayed.replayedAt };
  }
}
