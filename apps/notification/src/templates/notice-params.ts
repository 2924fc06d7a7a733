import type { AnyEvent } from '@sunshine/contracts';
import {
  type CaseState,
  type ClockContext,
  clockHistory,
  DispatchModeTaxonomy,
  handlingDeadline,
  inboxDue,
  type OrgDirectory,
  ProperChannelTaxonomy,
  RatingScoreTaxonomy,
  ratingWindow,
  reviewRequestWindow,
  StageTaxonomy,
} from '@sunshine/domain';

/** What a template may print: facts only (codes, unit names, dates), never personal data or the petition's text. */
export type NoticeParams = Readonly<Record<string, string | number | boolean>>;

/**
 * The parameters of a notice, taken when the event is applied (the case as it is then): the case number, the units'
 * names, and every period as its LAST DAY (Asia/Shanghai), read from the domain's clocks (clockHistory and its
 * selectors), never an exclusive instant.
 */
export function noticeParams(
  event: Pick<AnyEvent, 'type' | 'payload' | 'occurredAt'>,
  state: CaseState | null,
  directory: OrgDirectory,
  clocks: ClockContext,
): NoticeParams {
  const p = event.payload as Record<string, unknown>;
  const name = (id: unknown) => (typeof id === 'string' ? (directory.get(id)?.name ?? id) : '');
  const params: Record<string, string | number | boolean> = {};
  const set = (key: string, value: string | number | boolean | null | undefined) => {
    if (value !== null && value !== undefined && value !== '') params[key] = value;
  };
  set('caseNumber', state?.caseNumber ?? (typeof p['caseNumber'] === 'string' ? p['caseNumber'] : null));
  set('stage', state ? StageTaxonomy.label(state.stage) : null);
  set('unitName', name(p['unitId'] ?? state?.holdingUnitId));
  set('toUnitName', name(p['toUnitId']));
  set('fromUnitName', name(p['fromUnitId'] ?? p['byUnitId']));
  set('mode', typeof p['mode'] === 'string' ? DispatchModeTaxonomy.label(p['mode']) : null);
  set('reason', reasonText(p['reason']));
  set('note', typeof p['note'] === 'string' ? p['note'] : null);
  set('days', typeof p['days'] === 'number' ? p['days'] : null);
  set('score', typeof p['score'] === 'string' ? RatingScoreTaxonomy.label(p['score']) : null);
  set('properChannel', typeof p['properChannel'] === 'string' ? ProperChannelTaxonomy.label(p['properChannel']) : null);
  set('count', typeof p['count'] === 'number' ? p['count'] : null);
  set('divisionCode', typeof p['divisionCode'] === 'string' ? p['divisionCode'] : null);
  // evaluation.staff-flagged: the staff member's opaque subject (never a name), the streak and its quarter's first and last days
  set('staff', typeof p['staffId'] === 'string' ? p['staffId'] : null);
  set('streak', typeof p['streak'] === 'number' ? p['streak'] : null);
  const quarter = typeof p['quarter'] === 'object' && p['quarter'] !== null ? (p['quarter'] as Record<string, unknown>) : {};
  set('periodFrom', typeof quarter['from'] === 'string' ? quarter['from'] : null);
  set('periodTo', typeof quarter['to'] === 'string' ? quarter['to'] : null);
  set('lastDay', state ? lastDayFor(event, state, clocks) : null);
  return params;
}

/** The last day of the period the notice is about. */
function lastDayFor(event: Pick<AnyEvent, 'type' | 'payload'>, state: CaseState, clocks: ClockContext): string | null {
  const p = event.payload as Record<string, unknown>;
  const given = typeof p['dueAt'] === 'string' ? p['dueAt'] : typeof p['answerDueAt'] === 'string' ? p['answerDueAt'] : null;
  if (given) return clockHistory(state, clocks).find((c) => c.dueAt === given)?.lastDay ?? null;
  switch (event.type) {
    case 'case.dispatched':
    case 'case.stage-opened':
    case 'case.assisting-unit-added':
    case 'case.objection-rejected':
      return inboxDue(state, clocks)?.lastDay ?? null;
    case 'case.accepted':
    case 'case.extension-approved':
      return handlingDeadline(state, clocks)?.lastDay ?? null;
    case 'case.reply-served':
      return ratingWindow(state, state.stage, clocks)?.lastDay ?? null;
    case 'petition.rated':
      return reviewRequestWindow(state, clocks)?.lastDay ?? null;
    case 'case.supervision-order-reminded':
      return clockHistory(state, clocks).find((c) => c.kind === 'supervision-order-answer' && c.subject === p['orderId'])?.lastDay ?? null;
    default:
      return null;
  }
}

function reasonText(reason: unknown): string | null {
  if (typeof reason !== 'object' || reason === null) return null;
  const r = reason as { code?: unknown; text?: unknown };
  return typeof r.text === 'string' ? r.text : typeof r.code === 'string' ? r.code : null;
}
