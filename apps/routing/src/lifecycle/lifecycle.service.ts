import { Injectable, Logger } from '@nestjs/common';
import type { AnyCaseEvent, EventOf } from '@sunshine/contracts';
import { BUREAU_KINDS, type CaseCommand, nextHigherUnit, stageRecord } from '@sunshine/domain';
import { CaseEmitter, CaseReplicaStore, type ReplicaCase } from '@sunshine/platform';
import type { EntityManager } from 'typeorm';

import { commandAfterService } from '../cases/after-service';
import { DirectoryCache } from '../directory/directory.cache';
import { DispatchService } from '../dispatch/dispatch.service';
import { ReplyStore } from '../reply/reply.store';

/**
 * Lifecycle steps other services' facts trigger, once the replica folded them: a review request opens the next stage
 * at the next-higher unit (Art 35, 36), a merge (并单) ends the merged case, supervision's expired review window closes the case, notification's delivery
 * receipt of the written reply serves it (电子送达). Each is decided by decide; a refusal is logged, never retried
 * (the log is the truth).
 */
@Injectable()
export class LifecycleService {
  private readonly logger = new Logger(LifecycleService.name);

  constructor(
    private readonly store: CaseReplicaStore,
    private readonly emitter: CaseEmitter,
    private readonly directory: DirectoryCache,
    private readonly dispatch: DispatchService,
    private readonly replies: ReplyStore,
  ) {}

  async onReviewRequested(m: EntityManager, event: EventOf<'petition.review-requested'>): Promise<void> {
    const current = await this.current(m, event);
    if (!current) return;
    const replying = stageRecord(current.state).reply?.unitId ?? current.state.holdingUnitId;
    const directory = await this.directory.current(m);
    const target = replying ? nextHigherUnit(directory, replying, event.payload.unitId) : undefined;
    if (!target) return this.logger.warn(`case ${event.caseId}: no unit above ${replying ?? '-'} to open ${event.payload.stage}`);
    const opened = await this.attempt(
      m,
      current,
      { name: 'open-stage', payload: { stage: event.payload.stage, unitId: target.id } },
      event,
    );
    // A bureau that receives the stage dispatches it on like any forwarded case.
    if (opened && BUREAU_KINDS.includes(target.kind)) await this.dispatch.dispatchFrom(m, opened, target.id, event);
  }

  /**
   * 并单: intake merged the case into an earlier one of the same matter; the merged case ends at its holder (reason
   * `merged`, naming the case that carries on, so the petitioner can be told) and its clocks stop with it.
   */
  async onMerged(m: EntityManager, event: EventOf<'petition.merged'>): Promise<void> {
    const current = await this.current(m, event);
    const s = current?.state;
    if (!current || !s || !s.holdingUnitId || s.flags.repeatOf !== event.payload.matchedCaseId) return;
    const into = await this.store.read(m, event.payload.matchedCaseId);
    const number = into?.state.caseNumber ?? undefined;
    const text = `并入${number ?? '另一'}号信访事项办理`.slice(0, 200);
    await this.attempt(
      m,
      current,
      {
        name: 'close-merged',
        payload: {
          unitId: s.holdingUnitId,
          reason: { code: 'merged', text },
          mergedInto: event.payload.matchedCaseId,
          mergedIntoCaseNumber: number,
        },
      },
      event,
    );
  }

  async onWindowExpired(m: EntityManager, event: EventOf<'case.window-expired'>): Promise<void> {
    const current = await this.current(m, event);
    const p = event.payload;
    const reviewWindow = (p.window === 'review' && p.stage === 'original') || (p.window === 're-review' && p.stage === 'review');
    const s = current?.state;
    if (!current || !s || !reviewWindow || s.stage !== p.stage || s.status !== 'replied' || !s.holdingUnitId) return;
    await this.attempt(m, current, { name: 'close', payload: { unitId: s.holdingUnitId, reason: { code: 'window-passed' } } }, event);
  }

  async onNoticeDelivered(m: EntityManager, event: EventOf<'case.notice-delivered'>): Promise<void> {
    const current = await this.current(m, event);
    const reply = current ? stageRecord(current.state).reply : null;
    if (!current || !reply || event.payload.kind !== 'reply' || stageRecord(current.state).servedAt !== null) return;
    const p = event.payload;
    const served = await this.attempt(
      m,
      current,
      {
        name: 'serve-reply',
        payload: { unitId: reply.unitId, servedAt: p.deliveredAt, method: 'electronic', noticeId: p.noticeId },
      },
      event,
    );
    if (!served) return;
    await this.replies.markServed(m, served.state, p.deliveredAt, 'electronic');
    const next = commandAfterService(served.state);
    if (next) await this.attempt(m, served, next, event);
  }

  /** The case as the replica holds it after the event (locked); null for a case routing never saw. */
  private current(m: EntityManager, event: AnyCaseEvent): Promise<ReplicaCase | null> {
    return event.caseId ? this.store.lock(m, event.caseId) : Promise.resolve(null);
  }

  private async attempt(m: EntityManager, current: ReplicaCase, command: CaseCommand, cause: AnyCaseEvent): Promise<ReplicaCase | null> {
    const meta = {
      actor: { kind: 'system' as const, id: 'routing-lifecycle' },
      causedBy: { id: cause.id, correlationId: cause.correlationId },
    };
    const result = await this.emitter.attempt(m, current.state.caseId ?? '', current, command, meta);
    if (result.ok) return result.case;
    this.logger.warn(`case ${cause.caseId}: ${command.name} after ${cause.type} refused: ${result.error.code}`);
    return null;
  }
}
