import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Stage } from '@sunshine/contracts';
import { decide, stageRecord } from '@sunshine/domain';
import { Clock, decisionException, DomainException, type ExpectedVersion, type StaffPrincipal } from '@sunshine/platform';
import type { DataSource } from 'typeorm';

import { commandAfterService } from '../cases/after-service';
import { CaseAccess } from '../cases/case-access.service';
import { type ActionResult, CaseActionRunner } from '../cases/case-action.runner';
import type { DraftReplyDto, ServeReplyDto } from './reply.dto';
import { type ReplyRecord, ReplyStore } from './reply.store';

export const REPLY_NOT_FOUND = new DomainException('REPLY_NOT_FOUND', 'not-found', {
  zh: '该信访事项尚无经审签的答复意见',
  en: 'no approved reply for this case',
});
const NO_DRAFT = new DomainException('NO_REPLY_DRAFT', 'conflict', { zh: '尚未起草答复意见', en: 'no reply has been drafted' });
const ALREADY_APPROVED = new DomainException('REPLY_ALREADY_APPROVED', 'conflict', {
  zh: '本阶段答复意见已审签',
  en: 'the reply of this stage is already approved',
});
/** 四眼原则: whoever wrote the draft's last version may not approve it; another head of the unit signs it (审签). */
const FOUR_EYES = new DomainException('FOUR_EYES_REQUIRED', 'forbidden', {
  zh: '答复意见须经起草人以外的负责人审签：您起草了本稿，不能审签本人起草的答复意见',
  en: 'four eyes: the person who drafted the reply may not approve it; another head of the unit must',
});

/** What other services and staff read of a reply: its text, outcome and when it was approved and served. */
export interface ReplyView extends Pick<
  ReplyRecord,
  'stage' | 'unitId' | 'outcome' | 'text' | 'attachments' | 'approvedAt' | 'servedAt' | 'servedMethod'
> {
  readonly caseId: string;
  /** The reference case.replied carries, e.g. `routing:reply:<id>`. */
  readonly documentRef: string;
  /** The 处理意见书's number (文号). */
  readonly documentNumber: string | null;
}

/**
 * The written reply: the handler drafts (no event), the head approves (审签) and only then case.replied is emitted
 * with the document's reference; staff record its service (in person, by post), which starts the review window.
 */
@Injectable()
export class ReplyService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly runner: CaseActionRunner,
    private readonly access: CaseAccess,
    private readonly replies: ReplyStore,
    private readonly clock: Clock,
  ) {}

  async draft(caseId: string, staff: StaffPrincipal, dto: DraftReplyDto): Promise<ReplyRecord> {
    return this.dataSource.transaction(async (m) => {
      const stored = await this.access.readVisible(m, staff, caseId);
      // The draft is checked as the reply would be (status, holder, hearing), so a reply before acceptance is refused now.
      const check = decide(stored.state, {
        name: 'reply',
        payload: { unitId: staff.unitId, outcome: dto.outcome, replyDocumentRef: 'routing:reply:draft', approvedBy: staff.subject },
      });
      if (!check.ok) throw decisionException(check.error);
      const existing = await this.replies.find(m, caseId, stored.state.stage);
      if (existing?.status === 'approved') throw ALREADY_APPROVED;
      return this.replies.saveDraft(m, {
        caseId,
        stage: stored.state.stage,
        unitId: staff.unitId,
        ...dto,
        by: staff.subject,
        at: this.clock.now(),
      });
    });
  }

  /** 审签: only the unit's head, never the one who drafted it (four eyes); the reply is emitted with the head as approver. */
  async approve(caseId: string, staff: StaffPrincipal, expectedVersion: ExpectedVersion): Promise<ActionResult> {
    return this.runner.act(caseId, staff, expectedVersion, async (tx) => {
      const draft = await this.replies.find(tx.m, caseId, tx.state.stage);
      if (!draft) throw NO_DRAFT;
      if (draft.status === 'approved') throw ALREADY_APPROVED;
      if (draft.draftedBy === staff.subject) throw FOUR_EYES;
      await this.replies.approve(tx.m, draft.id, staff.subject, this.clock.now());
      const [replied] = await tx.run({
        name: 'reply',
        payload: { unitId: staff.unitId, outcome: draft.outcome, replyDocumentRef: `routing:reply:${draft.id}`, approvedBy: staff.subject },
      });
      if (replied) await this.replies.attachEvent(tx.m, draft.id, replied.id);
    });
  }

  async serve(caseId: string, staff: StaffPrincipal, dto: ServeReplyDto, expectedVersion: ExpectedVersion): Promise<ActionResult> {
    return this.runner.act(caseId, staff, expectedVersion, async (tx) => {
      const now = this.clock.now();
      const servedAt = dto.servedAt ? new Date(dto.servedAt) : now;
      const repliedAt = stageRecord(tx.state).repliedAt;
      if (servedAt.getTime() > now.getTime() + 60_000 || (repliedAt && servedAt.getTime() < Date.parse(repliedAt))) {
        throw new DomainException('INVALID_SERVED_AT', 'unprocessable', {
          zh: '送达时间不能早于答复时间或晚于当前时间',
          en: 'servedAt must lie between the reply and now',
        });
      }
      await tx.run({ name: 'serve-reply', payload: { unitId: staff.unitId, servedAt: servedAt.toISOString(), method: dto.method } });
      await this.replies.markServed(tx.m, tx.state, servedAt.toISOString(), dto.method);
      const next = commandAfterService(tx.state);
      if (next) await tx.runIfAllowed(next);
    });
  }

  /**
   * The approved reply for authorised viewers: staff who may see the case (a confidential case: with full access), or
   * another service (intake, for the petitioner).
   */
  async get(caseId: string, staff: StaffPrincipal, stage?: Stage): Promise<ReplyView> {
    const m = this.dataSource.manager;
    if (staff.roles.includes('service')) {
      if (!(await m.query<unknown[]>(`SELECT 1 FROM case_replica WHERE case_id = $1`, [caseId])).length) throw REPLY_NOT_FOUND;
    } else {
      // An accusation's reply is its text: the discipline chain only (the bare-facts side answers 404).
      await this.access.readWritten(m, staff, caseId);
    }
    const reply = await this.replies.approved(m, caseId, stage);
    if (!reply) throw REPLY_NOT_FOUND;
    const [doc] = await m.query<Array<{ number: string }>>(
      `SELECT number FROM case_documents WHERE case_id = $1 AND kind = 'reply' AND body->>'replyId' = $2`,
      [caseId, reply.id],
    );
    const { stage: s, unitId, outcome, text, attachments, approvedAt, servedAt, servedMethod } = reply;
    return {
      caseId,
      stage: s,
      unitId,
      outcome,
      text,
      attachments,
      approvedAt,
      servedAt,
      servedMethod,
      documentRef: `routing:reply:${reply.id}`,
      documentNumber: doc?.number ?? null,
    };
  }

  /** The current stage's draft, for the unit that wrote it. */
  async getDraft(caseId: string, staff: StaffPrincipal): Promise<ReplyRecord> {
    const m = this.dataSource.manager;
    const stored = await this.access.readVisible(m, staff, caseId);
    const draft = await this.replies.find(m, caseId, stored.state.stage);
    if (!draft || draft.unitId !== staff.unitId) throw NO_DRAFT;
    return draft;
  }
}
