import type { EventOf } from '@sunshine/contracts';
import { type CaseState, CaseStatusTaxonomy, ProperChannelTaxonomy, ReplyOutcomeTaxonomy } from '@sunshine/domain';

/**
 * The case events a 12345 order is told of: 签收 (a unit signed for it), 退单 (not accepted, with the reason's code and
 * the proper channel), 办理结果 (the reply), 办结 (closed), 终结 (finalized after re-review).
 */
export type HotlineFeedbackEvent =
  EventOf<'case.signed'> | EventOf<'case.not-accepted'> | EventOf<'case.replied'> | EventOf<'case.closed'> | EventOf<'case.finalized'>;

const KIND = {
  'case.signed': { kind: 'signed', label: '签收' },
  'case.not-accepted': { kind: 'returned', label: '退单（不予受理）' },
  'case.replied': { kind: 'result', label: '办理结果' },
  'case.closed': { kind: 'closed', label: '办结' },
  'case.finalized': { kind: 'finalized', label: '办结（终结，不再受理）' },
} as const;

/**
 * What the hotline receives (JSON): its own order number, the case number, the feedback kind, the case's status and
 * the unit, and for a reply its outcome. No personal data and no text of the petition or of the reply (the reply
 * document reaches the petitioner by the platform's own notices): only codes, labels and the unit's name.
 */
export interface HotlineFeedback {
  readonly feedbackId: string;
  readonly orderNo: string;
  readonly caseNumber: string;
  readonly kind: 'signed' | 'returned' | 'result' | 'closed' | 'finalized';
  readonly kindLabel: string;
  readonly status: string;
  readonly statusLabel: string;
  readonly unit: { readonly id: string; readonly name: string };
  readonly outcome?: string;
  readonly outcomeLabel?: string;
  readonly closingReason?: string;
  /** 退单: the reason's code (its free text stays inside) and where the matter belongs instead. */
  readonly returnReason?: string;
  readonly properChannel?: string;
  readonly properChannelLabel?: string;
  readonly summary: string;
  readonly occurredAt: string;
}

/** The feedback for one case event of a 12345 order (pure: the unit's name and the order number are given). */
export function hotlineFeedback(event: HotlineFeedbackEvent, after: CaseState, orderNo: string, unitName: string): HotlineFeedback {
  const { kind, label } = KIND[event.type];
  const status = after.status ?? 'registered';
  const statusLabel = CaseStatusTaxonomy.label(status, 'zh');
  const base = {
    feedbackId: event.id,
    orderNo,
    caseNumber: after.caseNumber ?? '',
    kind,
    kindLabel: label,
    status,
    statusLabel,
    unit: { id: event.payload.unitId, name: unitName },
    occurredAt: event.occurredAt,
  };
  if (event.type === 'case.replied') {
    const outcomeLabel = ReplyOutcomeTaxonomy.label(event.payload.outcome, 'zh');
    return { ...base, outcome: event.payload.outcome, outcomeLabel, summary: `${unitName}已出具信访处理意见：${outcomeLabel}` };
  }
  if (event.type === 'case.not-accepted') {
    const properChannelLabel = ProperChannelTaxonomy.label(event.payload.properChannel, 'zh');
    return {
      ...base,
      returnReason: event.payload.reason.code,
      properChannel: event.payload.properChannel,
      properChannelLabel,
      summary: `${unitName}不予受理，${properChannelLabel}`,
    };
  }
  if (event.type === 'case.signed') return { ...base, summary: `${unitName}已签收` };
  if (event.type === 'case.closed') {
    return { ...base, closingReason: event.payload.reason.code, summary: `${unitName}：${statusLabel}` };
  }
  return { ...base, summary: `${unitName}：${statusLabel}` };
}
