import { Injectable } from '@nestjs/common';
import type { ReplyOutcome, ServiceMethod, Stage } from '@sunshine/contracts';
import type { CaseState } from '@sunshine/domain';
import { isoOf } from '@sunshine/platform';
import type { EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';

export interface ReplyAttachment {
  readonly name: string;
  readonly ref?: string;
}

export interface ReplyRecord {
  readonly id: string;
  readonly caseId: string;
  readonly stage: Stage;
  readonly unitId: string;
  readonly status: 'draft' | 'approved';
  readonly outcome: ReplyOutcome;
  readonly text: string;
  readonly attachments: readonly ReplyAttachment[];
  readonly draftedBy: string;
  readonly draftedAt: string;
  readonly approvedBy: string | null;
  readonly approvedAt: string | null;
  readonly servedAt: string | null;
  readonly servedMethod: ServiceMethod | null;
}

type Row = Record<string, unknown>;
const iso = isoOf;

function toRecord(r: Row): ReplyRecord {
  return {
    id: String(r['id']),
    caseId: String(r['case_id']),
    stage: r['stage'] as Stage,
    unitId: String(r['unit_id']),
    status: r['status'] as ReplyRecord['status'],
    outcome: r['outcome'] as ReplyOutcome,
    text: String(r['text']),
    attachments: r['attachments'] as ReplyAttachment[],
    draftedBy: String(r['drafted_by']),
    draftedAt: iso(r['drafted_at']) ?? '',
    approvedBy: (r['approved_by'] as string | null) ?? null,
    approvedAt: iso(r['approved_at']),
    servedAt: iso(r['served_at']),
    servedMethod: (r['served_method'] as ServiceMethod | null) ?? null,
  };
}

/** The written reply's text (信访处理意见书), one per stage: drafted by the handler, approved by the head (审签). */
@Injectable()
export class ReplyStore {
  async find(m: EntityManager, caseId: string, stage: Stage): Promise<ReplyRecord | null> {
    const [row] = await m.query<Row[]>(`SELECT * FROM replies WHERE case_id = $1 AND stage = $2`, [caseId, stage]);
    return row ? toRecord(row) : null;
  }

  /** The latest approved reply (of `stage`, or of the latest stage that has one). */
  async approved(m: EntityManager, caseId: string, stage?: Stage): Promise<ReplyRecord | null> {
    const [row] = await m.query<Row[]>(
      `SELECT * FROM replies WHERE case_id = $1 AND status = 'approved' AND ($2::text IS NULL OR stage = $2) ORDER BY approved_at DESC LIMIT 1`,
      [caseId, stage ?? null],
    );
    return row ? toRecord(row) : null;
  }

  async saveDraft(
    m: EntityManager,
    d: {
      caseId: string;
      stage: Stage;
      unitId: string;
      outcome: ReplyOutcome;
      text: string;
      attachments: readonly ReplyAttachment[];
      by: string;
      at: Date;
    },
  ): Promise<ReplyRecord> {
    const [row] = await m.query<Row[]>(
      `INSERT INTO replies (id, case_id, stage, unit_id, status, outcome, text, attachments, drafted_by, drafted_at)
       VALUES ($1, $2, $3, $4, 'draft', $5, $6, $7, $8, $9)
       ON CONFLICT (case_id, stage) DO UPDATE SET unit_id = $4, outcome = $5, text = $6, attachments = $7, drafted_by = $8, drafted_at = $9
       WHERE replies.status = 'draft' RETURNING *`,
      [uuidv7(), d.caseId, d.stage, d.unitId, d.outcome, d.text, JSON.stringify(d.attachments), d.by, d.at],
    );
    if (!row) throw new Error('reply already approved');
    return toRecord(row);
  }

  async approve(m: EntityManager, id: string, by: string, at: Date): Promise<void> {
    await m.query(`UPDATE replies SET status = 'approved', approved_by = $2, approved_at = $3 WHERE id = $1`, [id, by, at]);
  }

  async attachEvent(m: EntityManager, id: string, eventId: string): Promise<void> {
    await m.query(`UPDATE replies SET event_id = $2 WHERE id = $1`, [id, eventId]);
  }

  async markServed(m: EntityManager, state: CaseState, servedAt: string, method: ServiceMethod): Promise<void> {
    if (!state.caseId) return;
    await m.query(`UPDATE replies SET served_at = $3, served_method = $4 WHERE case_id = $1 AND stage = $2 AND status = 'approved'`, [
      state.caseId,
      state.stage,
      servedAt,
      method,
    ]);
  }
}
