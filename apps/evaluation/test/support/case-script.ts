import type { EventOf, PayloadOf } from '@sunshine/contracts';
import { DEMO_DONGTUN } from '@sunshine/testing';
import { v7 as uuidv7 } from 'uuid';

import { type EvaluationWorld, UNITS } from './evaluation-world';

const reason = { code: 'test', text: '测试' };
type Score = 'satisfied' | 'basically-satisfied' | 'dissatisfied';

/** Other services' events about one case, produced onto the case log at the instants a test chooses. */
export class CaseScript {
  readonly caseId = uuidv7();

  constructor(
    private readonly world: EvaluationWorld,
    readonly bureau: string = UNITS.countyBureau,
    readonly unit: string = UNITS.hrss,
  ) {}

  registered(at: string, over: Partial<PayloadOf<'petition.registered'>> = {}) {
    return this.world.emit(
      this.caseId,
      'petition.registered',
      {
        caseNumber: `410726-2026-${this.caseId.slice(-6)}`,
        channel: 'visit',
        form: { kind: 'individual' },
        type: 'claim',
        category: 'labour',
        placeCode: DEMO_DONGTUN,
        receivingUnitId: this.bureau,
        receivedAt: at,
        registeredAt: at,
        petitionerRef: uuidv7(),
        flags: { skipLevel: false, confidential: false, lawsuit: false },
        attachmentCount: 0,
        ...over,
      },
      at,
    );
  }

  dispatched(at: string, toUnitId: string = this.unit, hop = 1) {
    return this.world.emit(
      this.caseId,
      'case.dispatched',
      {
        stage: 'original',
        fromUnitId: this.bureau,
        toUnitId,
        mode: 'forward',
        rule: { id: 'territorial', version: 1 },
        reasons: ['属地'],
        hop,
      },
      at,
    );
  }

  signed(at: string, unitId: string = this.unit) {
    return this.world.emit(this.caseId, 'case.signed', { unitId }, at);
  }

  accepted(at: string, unitId: string = this.unit) {
    return this.world.emit(this.caseId, 'case.accepted', { unitId, claimRoute: 'petition' }, at);
  }

  handler(at: string, handlerId: string, unitId: string = this.unit) {
    return this.world.emit(this.caseId, 'case.handler-assigned', { unitId, handlerId }, at);
  }

  replied(at: string, unitId: string = this.unit) {
    return this.world.emit(
      this.caseId,
      'case.replied',
      {
        unitId,
        stage: 'original',
        outcome: 'explained',
        replyDocumentRef: `routing:reply:${this.caseId}`,
        approvedBy: 'head-1',
      },
      at,
    );
  }

  served(at: string, unitId: string = this.unit) {
    return this.world.emit(this.caseId, 'case.reply-served', { unitId, servedAt: at, method: 'post' }, at);
  }

  rated(at: string, score: Score, subject: 'handling-unit' | 'bureau' = 'handling-unit'): Promise<EventOf<'petition.rated'>> {
    const unitId = subject === 'bureau' ? this.bureau : this.unit;
    return this.world.emit(this.caseId, 'petition.rated', { stage: 'original', subject, unitId, score, enteredBy: 'citizen' }, at);
  }

  reviewRequested(at: string) {
    return this.world.emit(this.caseId, 'petition.review-requested', { stage: 'review', requestedAt: at }, at);
  }

  closed(at: string, unitId: string = this.unit) {
    return this.world.emit(this.caseId, 'case.closed', { unitId, reason: { code: 'window-passed' } }, at);
  }

  objection(at: string, unitId: string) {
    return this.world.emit(this.caseId, 'case.objection-raised', { unitId, bureauUnitId: this.bureau, reason }, at);
  }

  objectionApproved(at: string, unitId: string) {
    return this.world.emit(this.caseId, 'case.objection-approved', { unitId, bureauUnitId: this.bureau, reason }, at);
  }

  /** Supervision's events: a warning (催办), the handling clock overdue, a supervision order (督办). */
  warned(at: string, dueAt: string) {
    return this.world.emit(
      this.caseId,
      'case.deadline-warning',
      { clock: 'handling', stage: 'original', unitId: this.unit, dueAt, article: '《信访工作条例》第34条' },
      at,
    );
  }

  overdue(at: string, dueAt: string) {
    return this.world.emit(
      this.caseId,
      'case.overdue',
      { clock: 'handling', stage: 'original', unitId: this.unit, dueAt, article: '《信访工作条例》第34条' },
      at,
    );
  }

  ordered(at: string) {
    return this.world.emit(
      this.caseId,
      'case.supervision-order-issued',
      {
        orderId: uuidv7(),
        unitId: this.unit,
        byUnitId: this.bureau,
        trigger: 'overdue',
        answerDueAt: '2026-11-12T16:00:00.000Z',
        reason,
      },
      at,
    );
  }

  /** Registered, forwarded, signed and accepted (a claim on the petition route), with a handler named after it. */
  async throughAcceptance(
    registered: string,
    accepted: string,
    handlerId: string,
    over: Partial<PayloadOf<'petition.registered'>> = {},
  ): Promise<this> {
    await this.registered(registered, over);
    const plusHour = (iso: string) => new Date(Date.parse(iso) + 3_600_000).toISOString();
    await this.dispatched(plusHour(registered));
    await this.signed(plusHour(plusHour(registered)));
    await this.accepted(accepted);
    await this.handler(plusHour(accepted), handlerId);
    return this;
  }
}
