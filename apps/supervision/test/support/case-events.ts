import type { PayloadOf } from '@sunshine/contracts';
import { v7 as uuidv7 } from 'uuid';

import { DONGTUN, UNITS } from './directory';
import type { SupervisionWorld } from './supervision-world';

const reason = { code: 'test', text: '测试' };

/** Another service's events about one case, produced onto the case log at the instants a test chooses. */
export class CaseScript {
  readonly caseId = uuidv7();

  constructor(private readonly world: SupervisionWorld) {}

  registered(receivedAt: string, over: Partial<PayloadOf<'petition.registered'>> = {}) {
    return this.world.emit(
      this.caseId,
      'petition.registered',
      {
        caseNumber: `410726-2026-${this.caseId.slice(-6)}`,
        channel: 'visit',
        form: { kind: 'individual' },
        type: 'claim',
        category: 'labour',
        placeCode: DONGTUN,
        receivingUnitId: UNITS.countyBureau,
        receivedAt,
        registeredAt: receivedAt,
        petitionerRef: uuidv7(),
        flags: { skipLevel: false, confidential: false, lawsuit: false },
        attachmentCount: 0,
        ...over,
      },
      receivedAt,
    );
  }

  dispatched(at: string, toUnitId: string = UNITS.hrss, over: Partial<PayloadOf<'case.dispatched'>> = {}) {
    return this.world.emit(
      this.caseId,
      'case.dispatched',
      {
        stage: 'original',
        fromUnitId: UNITS.countyBureau,
        toUnitId,
        mode: 'forward',
        rule: { id: 'territorial', version: 1 },
        reasons: ['属地：延津县'],
        hop: 1,
        ...over,
      },
      at,
    );
  }

  /** The usual start: registered, dispatched to 人社局 and accepted by it at these instants. */
  async throughAcceptance(registeredAt: string, dispatchedAt: string, acceptedAt: string): Promise<this> {
    await this.registered(registeredAt);
    await this.dispatched(dispatchedAt);
    await this.accepted(acceptedAt);
    return this;
  }

  accepted(at: string, unitId: string = UNITS.hrss) {
    return this.world.emit(this.caseId, 'case.accepted', { unitId, claimRoute: 'petition' }, at);
  }

  extensionApproved(at: string, days: number, unitId: string = UNITS.hrss) {
    return this.world.emit(this.caseId, 'case.extension-approved', { unitId, days, approvedBy: 'head-1', reason }, at);
  }

  replied(at: string, stage: 'original' | 'review' | 're-review' = 'original', unitId: string = UNITS.hrss) {
    return this.world.emit(
      this.caseId,
      'case.replied',
      {
        unitId,
        stage,
        outcome: 'explained',
        replyDocumentRef: `routing:reply:${this.caseId}`,
        approvedBy: 'head-1',
      },
      at,
    );
  }

  served(at: string, unitId: string = UNITS.hrss) {
    return this.world.emit(this.caseId, 'case.reply-served', { unitId, servedAt: at, method: 'post' }, at);
  }

  rated(at: string, score: 'satisfied' | 'dissatisfied' = 'satisfied', unitId: string = UNITS.hrss) {
    return this.world.emit(
      this.caseId,
      'petition.rated',
      { stage: 'original', subject: 'handling-unit', unitId, score, enteredBy: 'citizen' },
      at,
    );
  }

  reviewRequested(at: string, stage: 'review' | 're-review') {
    return this.world.emit(this.caseId, 'petition.review-requested', { stage, requestedAt: at }, at);
  }

  stageOpened(at: string, stage: 'review' | 're-review', unitId: string, fromUnitId: string) {
    return this.world.emit(this.caseId, 'case.stage-opened', { stage, unitId, fromUnitId }, at);
  }

  hearing(at: string, edge: 'started' | 'ended', unitId: string = UNITS.cityBureau) {
    return this.world.emit(
      this.caseId,
      edge === 'started' ? 'case.hearing-started' : 'case.hearing-ended',
      { unitId, hearingId: 'h-1' },
      at,
    );
  }

  reportSubmitted(at: string, unitId: string = UNITS.hrss) {
    return this.world.emit(
      this.caseId,
      'case.assignment-report-submitted',
      { unitId, bureauUnitId: UNITS.countyBureau, reportRef: 'routing:report:1' },
      at,
    );
  }

  objectionRaised(at: string, unitId: string = UNITS.hrss) {
    return this.world.emit(this.caseId, 'case.objection-raised', { unitId, bureauUnitId: UNITS.countyBureau, reason }, at);
  }

  objectionApproved(at: string, unitId: string = UNITS.hrss) {
    return this.world.emit(this.caseId, 'case.objection-approved', { unitId, bureauUnitId: UNITS.countyBureau, reason }, at);
  }

  closed(at: string, unitId: string = UNITS.hrss) {
    return this.world.emit(this.caseId, 'case.closed', { unitId, reason: { code: 'window-passed' } }, at);
  }

  /** The clock notices supervision raised for this case (of one clock kind or window). */
  async notices(kind?: string): Promise<string[]> {
    const all = await this.world.notices(this.caseId);
    return kind === undefined ? all : all.filter((n) => n.split(' ')[1] === kind);
  }
}
