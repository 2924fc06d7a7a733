import type { Reason, SupervisionTrigger } from '@sunshine/contracts';

export type OrderStatus = 'open' | 'answered' | 'overdue';

/** A supervision order (督办单) as the API shows it. `overdue`: open past its answer date. */
export interface OrderView {
  readonly orderId: string;
  readonly caseId: string;
  readonly caseNumber: string | null;
  readonly unitId: string;
  readonly byUnitId: string;
  /** The bureau now following it (the issuer, or the level it was escalated to). */
  readonly supervisingUnitId: string;
  readonly trigger: SupervisionTrigger;
  readonly reason: Reason;
  readonly issuedAt: string;
  readonly answerDueAt: string;
  /**
   * The answer date falls in a year whose holiday arrangement is not published yet: counted with the statutory holidays,
   * recounted by the ledger's answer clock when the year arrives (the flag is the ledger's).
   */
  readonly answerDueProvisional: boolean;
  readonly status: OrderStatus;
  readonly answeredAt: string | null;
  readonly answerRef: string | null;
  readonly answerSummary: string | null;
  readonly escalationStep: number;
  readonly reminders: number;
}

export const ORDER_SELECT = `SELECT o.*, v.case_number,
  (SELECT count(*) FROM order_reminders r WHERE r.order_id = o.id)::int AS reminders,
  (SELECT bool_or(c.provisional) FROM deadline_clocks c
    WHERE c.case_id = o.case_id AND c.kind = 'supervision-order-answer' AND c.subject = o.id::text) AS answer_due_provisional
  FROM supervision_orders o JOIN case_replica v ON v.case_id = o.case_id`;

const iso = (v: unknown): string | null => (v === null || v === undefined ? null : new Date(v as string).toISOString());

export function orderViewOf(r: Record<string, unknown>, now: Date): OrderView {
  const answerDueAt = iso(r['answer_due_at']) ?? '';
  const open = r['status'] === 'open';
  const reasonText = r['reason_text'] as string | null;
  return {
    orderId: String(r['id']),
    caseId: String(r['case_id']),
    caseNumber: (r['case_number'] as string | null) ?? null,
    unitId: String(r['unit_id']),
    byUnitId: String(r['by_unit_id']),
    supervisingUnitId: String(r['supervising_unit_id']),
    trigger: r['trigger'] as SupervisionTrigger,
    reason: reasonText ? { code: String(r['reason_code']), text: reasonText } : { code: String(r['reason_code']) },
    issuedAt: iso(r['issued_at']) ?? '',
    answerDueAt,
    answerDueProvisional: Boolean(r['answer_due_provisional']),
    status: open ? (Date.parse(answerDueAt) <= now.getTime() ? 'overdue' : 'open') : 'answered',
    answeredAt: iso(r['answered_at']),
    answerRef: (r['answer_ref'] as string | null) ?? null,
    answerSummary: (r['answer_summary'] as string | null) ?? null,
    escalationStep: Number(r['escalation_step']),
    reminders: Number(r['reminders'] ?? 0),
  };
}
