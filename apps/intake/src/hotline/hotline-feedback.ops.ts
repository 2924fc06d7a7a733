import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock, DomainException } from '@sunshine/platform';
import type { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';

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

interface ParkedRow {
  event_id: string;
  case_id: string;
  body: { orderNo: string; caseNumber: string; kind: string; kindLabel: string };
  attempts: number;
  last_error: string | null;
  created_at: Date;
  parked_at: Date;
  waiting: string;
}

/** The rows of each listed status. */
const STATUS_WHERE: Record<'parked', string> = { parked: 'f.parked_at IS NOT NULL AND f.delivered_at IS NULL' };

const NOT_PARKED = new DomainException('HOTLINE_FEEDBACK_NOT_PARKED', 'not-found', {
  zh: '该热线反馈不存在或未处于搁置状态',
  en: 'no parked hotline feedback with this id',
});

/** City ops over 12345 feedback the hotline kept refusing: list what is parked, replay one with a reason (recorded). */
@Injectable()
export class HotlineFeedbackOps {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** The feedback of this status (only `parked` is listed: delivered and pending feedback need no hand). */
  async list(status: 'parked'): Promise<ParkedHotlineFeedback[]> {
    const rows = await this.dataSource.query<ParkedRow[]>(
      `SELECT f.event_id, f.case_id, f.body, f.attempts, f.last_error, f.created_at, f.parked_at,
              (SELECT count(*) FROM hotline_feedback l WHERE l.case_id = f.case_id AND l.delivered_at IS NULL AND l.seq > f.seq) AS waiting
         FROM hotline_feedback f WHERE ${STATUS_WHERE[status]} ORDER BY f.parked_at, f.seq LIMIT 500`,
    );
    return rows.map((r) => ({
      feedbackId: r.event_id,
      caseId: r.case_id,
      orderNo: r.body.orderNo,
      caseNumber: r.body.caseNumber,
      kind: r.body.kind,
      kindLabel: r.body.kindLabel,
      attempts: r.attempts,
      lastError: r.last_error,
      createdAt: r.created_at.toISOString(),
      parkedAt: r.parked_at.toISOString(),
      waitingBehind: Number(r.waiting),
    }));
  }

  /** Unparks the feedback (its attempts counted afresh, due at once) and records who replayed it and why; 404 if not parked. */
  replay(feedbackId: string, reason: string, by: string): Promise<HotlineFeedbackReplayed> {
    return this.dataSource.transaction(async (m) => {
      const now = this.clock.now();
      const [row] = await m.query<Array<{ attempts: number; last_error: string | null }>>(
        `SELECT attempts, last_error FROM hotline_feedback WHERE event_id = $1 AND parked_at IS NOT NULL AND delivered_at IS NULL FOR UPDATE`,
        [feedbackId],
      );
      if (!row) throw NOT_PARKED;
      const replayId = uuidv7();
      await m.query(
        `INSERT INTO hotline_feedback_replays (id, event_id, reason, replayed_by, replayed_at, attempts_before, last_error) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [replayId, feedbackId, reason, by, now, row.attempts, row.last_error],
      );
      await m.query(`UPDATE hotline_feedback SET parked_at = NULL, attempts = 0, next_attempt_at = $2 WHERE event_id = $1`, [
        feedbackId,
        now,
      ]);
      return { feedbackId, replayId, replayedAt: now.toISOString() };
    });
  }
}
