import type { AnyCaseEvent } from '@sunshine/contracts';
import { type CaseState, CaseStatusTaxonomy } from '@sunshine/domain';

/** What a message tells: a case registered, its status changed, or it was reported up as a major / urgent matter (Art 25). */
export type UpstreamMessageKind = 'registered' | 'status-changed' | 'reported-up';

const KIND_LABEL: Record<UpstreamMessageKind, string> = {
  registered: '登记',
  'status-changed': '状态变更',
  'reported-up': '重大紧急事项报告',
};
const URGENCY_LABEL = { major: '重大', urgent: '紧急' } as const;

/**
 * One message of the change stream to the upstream petition information system (Art 21): codes and references only,
 * never personal data nor text (a reason is sent by its code). `messageId` is the case event's id, the idempotency key;
 * `sequence` counts the case's messages (1, 2, …) so the receiver sees a gap or an old one.
 */
export interface UpstreamMessage {
  readonly messageId: string;
  readonly caseNumber: string;
  readonly sequence: number;
  readonly kind: UpstreamMessageKind;
  readonly kindLabel: string;
  readonly eventType: string;
  readonly occurredAt: string;
  readonly status: string;
  readonly statusLabel: string;
  readonly stage: string;
  /** The holding unit after the event (the receiving bureau before any dispatch). */
  readonly unitId: string | null;
  readonly receivingUnitId: string | null;
  readonly registeredAt: string | null;
  readonly channel: string | null;
  readonly type: string | null;
  readonly category: string | null;
  readonly placeCode: string | null;
  /** The case was reported up as a major or urgent matter (Art 25): its messages travel in the urgent lane. */
  readonly urgent: boolean;
  readonly urgency?: {
    readonly kind: 'major' | 'urgent';
    readonly kindLabel: string;
    readonly reportedBy: string;
    readonly toUnitIds: readonly string[];
    readonly reasonCode: string;
  };
}

/** One event folded into the replica: the case before and after it. */
export interface UpstreamChange {
  readonly event: AnyCaseEvent;
  readonly before: CaseState;
  readonly after: CaseState;
}

/**
 * Whether the event is reported upstream and as what: the registration, a change of status, a report up (Art 25).
 * Never for a confidential case (an accusation, Art 30: the discipline system's upstream only), nor a case not yet
 * registered.
 */
export function upstreamKind({ event, before, after }: UpstreamChange): UpstreamMessageKind | null {
  if (after.flags.confidential || !after.caseNumber || !after.status) return null;
  if (event.type === 'petition.registered') return 'registered';
  if (event.type === 'case.reported-up') return 'reported-up';
  return before.status !== after.status ? 'status-changed' : null;
}

/** The case travels in the urgent lane from its report up on (Art 25: reported at once). */
export function upstreamLane(after: CaseState): 'urgent' | 'normal' {
  return after.flags.reportedUp ? 'urgent' : 'normal';
}

/** The message for an event upstreamKind reports (pure). */
export function upstreamMessage(change: UpstreamChange, kind: UpstreamMessageKind, sequence: number): UpstreamMessage {
  const { event, after } = change;
  const status = after.status ?? 'registered';
  const message: UpstreamMessage = {
    messageId: event.id,
    caseNumber: after.caseNumber ?? '',
    sequence,
    kind,
    kindLabel: KIND_LABEL[kind],
    eventType: event.type,
    occurredAt: event.occurredAt,
    status,
    statusLabel: CaseStatusTaxonomy.label(status, 'zh'),
    stage: after.stage,
    unitId: after.holdingUnitId ?? after.receivingUnitId,
    receivingUnitId: after.receivingUnitId,
    registeredAt: after.registeredAt,
    channel: after.channel,
    type: after.type,
    category: after.category,
    placeCode: after.placeCode,
    urgent: after.flags.reportedUp,
  };
  if (event.type !== 'case.reported-up') return message;
  const p = event.payload;
  return {
    ...message,
    urgency: { kind: p.kind, kindLabel: URGENCY_LABEL[p.kind], reportedBy: p.unitId, toUnitIds: p.toUnitIds, reasonCode: p.reason.code },
  };
}
