import { Injectable, Logger } from '@nestjs/common';
import type { AnyCaseEvent, EventOf } from '@sunshine/contracts';
import { BUREAU_KINDS, nextHigherUnit, stageRecord, type CaseCommand } from '@sunshine/domain';
import type { EntityManager } from 'typeorm';
import { commandAfterService } from '../cases/after-service';
import { CaseStore, type StoredCase } from '../cases/case.store';
import { CaseTransitions, type Acting } from '../cases/case-transitions.service';
import { DirectoryCache } from '../directory/directory.cache';
import { DispatchService } from '../dispatch/dispatch.service';
import { ReplyStore } from '../reply/reply.store';

/**
 * Lifecycle steps other services' facts trigger: a review request opens the next stage at the next-higher unit
 * (Art 35, 36), supervision's expired review window closes the case, notification's delivery receipt of the written
 * reply serves it (电子送达). Each is decided by decide; a refusal is logged, never retried (the log is the truth).
 */
@Injectable()
export class LifecycleService {
  private readonly logger = new Logger(LifecycleService.name);

  constructor(
    private readonly cases: CaseStore,
    private readonly transitions: CaseTransitions,
    private readonly directory: DirectoryCache,
    private readonly dispatch: DispatchService,
    private readonly replies: ReplyStore,
  ) {}

  async onReviewRequested(m: EntityManager, event: EventOf<'petition.review-requested'>): Promise<void> {
    const stored = await this.applied(m, event);
    if (!stored) return;
    const replying = stageRecord(stored.state).reply?.unitId ?? stored.state.holdingUnitId;
    const directory = await this.directory.current(m);
    const target = replying ? nextHigherUnit(directory, replying, event.payload.unitId) : undefined;
    if (!target) return this.logger.warn(`case ${event.caseId}: no unit above ${replying ?? '-'} to open ${event.payload.stage}`);
    const opened = await this.attempt(m, stored, { name: 'open-stage', payload: { stage: event.payload.stage, unitId: target.id } }, event);
    // A bureau that receives the stage dispatches it on like any forwarded case.
    if (opened && BUREAU_KINDS.includes(target.kind)) await this.dispatch.dispatchFrom(m, opened, target.id, event);
  }

  async onWindowExpired(m: EntityManager, event: EventOf<'case.window-expired'>): Promise<void> {
    const stored = await this.applied(m, event);
    const p = event.payload;
    const reviewWindow = (p.window === 'review' && p.stage === 'original') || (p.window === 're-review' && p.stage === 'review');
    const s = stored?.state;
    if (!stored || !s || !reviewWindow || s.stage !== p.stage || s.status !== 'replied' || !s.holdingUnitId) return;
    await this.attempt(m, stored, { name: 'close', payload: { unitId: s.holdingUnitId, reason: { code: 'window-passed' } } }, event);
  }

  async onNoticeDelivered(m: EntityManager, event: EventOf<'case.notice-delivered'>): Promise<void> {
    const stored = await this.applied(m, event);
    const reply = stored ? stageRecord(stored.state).reply : null;
    if (!stored || !reply || event.payload.kind !== 'reply' || stageRecord(stored.state).servedAt !== null) return;
    const p = event.payload;
    const served = await this.attempt(m, stored, {
      name: 'serve-reply',
      payload: { unitId: reply.unitId, servedAt: p.deliveredAt, method: 'electronic', noticeId: p.noticeId },
    }, event);
    if (!served) return;
    await this.replies.markServed(m, served.state, p.deliveredAt, 'electronic');
    const next = commandAfterService(served.state);
    if (next) await this.attempt(m, served, next, event);
  }

  /** Any other service's event: folded into routing's copy of the case (unknown cases are ignored). */
  async onOther(m: EntityManager, event: AnyCaseEvent): Promise<void> {
    await this.applied(m, event);
  }

  private async applied(m: EntityManager, event: AnyCaseEvent): Promise<StoredCase | null> {
    if (!event.caseId) return null;
    const stored = await this.cases.lock(m, event.caseId);
    return stored ? this.cases.apply(m, event.caseId, [event], stored) : null;
  }

  private async attempt(m: EntityManager, stored: StoredCase, command: CaseCommand, cause: AnyCaseEvent): Promise<StoredCase | null> {
    const acting: Acting = { actor: { kind: 'system', id: 'routing-lifecycle' }, causedBy: { id: cause.id, correlationId: cause.correlationId } };
    const result = await this.transitions.attempt(m, stored, command, acting);
    if (result.ok) return result.stored;
    this.logger.warn(`case ${cause.caseId}: ${command.name} after ${cause.type} refused: ${result.error.code}`);
    return null;
  }
}
