import { Injectable } from '@nestjs/common';
import { type AnyCaseEvent, noticeChannelSchema, noticeKindSchema, type PayloadOf } from '@sunshine/contracts';
import { jurisdictionOf } from '@sunshine/domain';
import { CaseReplicaStore, newEvent, OrgDirectorySource, OutboxWriter } from '@sunshine/platform';
import type { EntityManager } from 'typeorm';

import type { DeliveryRow } from './delivery-row';

type ReceiptType = 'case.notice-delivered' | 'case.notice-failed';

/**
 * `case.notice-delivered` / `case.notice-failed` for the notices the law cares about (送达回执, the rule's `legal` kind):
 * written to the outbox in the transaction that records the delivery, and folded into notification's own replica as
 * any emitted event. Routing records `case.reply-served` from the reply's receipt: the Art 35 window runs from it.
 */
@Injectable()
export class NoticeReceipts {
  constructor(
    private readonly outbox: OutboxWriter,
    private readonly store: CaseReplicaStore,
    private readonly directory: OrgDirectorySource,
  ) {}

  async delivered(m: EntityManager, d: DeliveryRow, attempt: number, at: Date): Promise<void> {
    const facts = this.facts(d, attempt);
    if (facts) await this.emit(m, d, 'case.notice-delivered', { ...facts, deliveredAt: at.toISOString() }, at);
  }

  async failed(m: EntityManager, d: DeliveryRow, attempt: number, reason: string, final: boolean, at: Date): Promise<void> {
    const facts = this.facts(d, attempt);
    if (facts)
      await this.emit(m, d, 'case.notice-failed', { ...facts, reason: { code: 'delivery-failed', text: reason.slice(0, 200) }, final }, at);
  }

  private facts(d: DeliveryRow, attempt: number): Omit<PayloadOf<'case.notice-delivered'>, 'deliveredAt'> | null {
    const kind = noticeKindSchema.safeParse(d.legalKind);
    const channel = noticeChannelSchema.safeParse(d.channel);
    if (!kind.success || !channel.success || !d.caseId || !d.unitId) return null;
    return { noticeId: d.id, kind: kind.data, channel: channel.data, attempt: Math.max(1, attempt), unitId: d.unitId };
  }

  private async emit<T extends ReceiptType>(m: EntityManager, d: DeliveryRow, type: T, payload: PayloadOf<T>, at: Date): Promise<void> {
    const caseId = d.caseId ?? '';
    const current = await this.store.read(m, caseId);
    if (!current) return;
    const event = newEvent(type, payload, {
      caseId,
      jurisdiction: jurisdictionOf(current.state, await this.directory.current(m), payload),
      actor: { kind: 'system', id: 'notification' },
      occurredAt: at,
    });
    await this.outbox.append(m, event);
    await this.store.apply(m, caseId, [event as AnyCaseEvent]);
  }
}
