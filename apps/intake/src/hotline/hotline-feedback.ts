import type { EventOf } from '@sunshine/contracts';
import { CaseStatusTaxonomy, ReplyOutcomeTaxonomy, type CaseState } from '@sunshine/domain';

/** The case events a 12345 order is told of: 办理结果 (the reply), 办结 (closed), 终结 (finalized after re-review). */
export type HotlineFeedbackEvent = EventOf<'case.replied'> | EventOf<'case.closed'> | EventOf<'case.finalized'>;

const KIND = {
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
  readonly kind: 'result' | 'closed' | 'finalized';
  readonly kindLabel: string;
  readonly status: string;
  readonly statusLabel: string;
  readonly unit: { readonly id: string; readonly name: string };
  readonly outcome?: string;
  readonly outcomeLabel?: string;
  readonly closingReason?: string;
  readonly summary: string;
  readonly occurredAt: string;
}

/** The feedback for one case event of a 12345 order (pure: the unit's name and the order number are given). */
export function hotlineFeedback(event: HotlineFeedbackEvent, after: CaseState, orderNo: string, unitName: string): HotlineFeedback {
  const { kind, label } = KIND[event.type];
  const status = after.status ?? 'registered';
  const statusLabel = CaseStatusTaxonomy.label(status, 'zh');
  const base = {
    feedbackId: event.id, orderNo, caseNumber: after.caseNumber ?? '', kind, kindLabel: label, status, statusLabel,
    unit: { id: event.payload.unitId, name: unitName }, occurredAt: event.occurredAt,
  };
  if (event.type === 'case.replied') {
    const outcomeLabel = ReplyOutcomeTaxonomy.label(event.payload.outcome, 'zh');
    return { ...base, outcome: event.payload.outcome, outcomeLabel, summary: `${unitName}已出具信访处理意见：${outcomeLabel}` };
  }
  if (event.type === 'case.closed') {
    return { ...base, closingReason: event.payload.reason.code, summary: `${unitName}：${statusLabel}` };
  }
  return { ...base, summary: `${unitName}：${statusLabel}` };
}
