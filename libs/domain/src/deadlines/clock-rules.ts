import type { CitizenWindow, Stage } from '@sunshine/contracts';

import { CLOCK_NOTICE_EVENT_TYPES } from './clock-spec';
import { HOTLINE_12345_CLOCKS, LAW_DEFAULT_CLOCKS } from './law-default-clocks';

/**
 * What happens when a clock's period ends and the fact it waits for has not happened:
 * - `overdue`: a duty was not done in time (case.overdue; 拖延, 《信访工作条例》第40条);
 * - `window-expired`: a citizen's window closed (case.window-expired: rating, review or re-review request);
 * - `lapse`: a unit's own right ran out (the objection period, 第23条): recorded in the ledger, no event.
 */
export type ClockDueOutcome =
  { readonly kind: 'overdue' } | { readonly kind: 'window-expired'; readonly window: CitizenWindow } | { readonly kind: 'lapse' };

/** An event that ends a running clock, with the conditions it must meet. */
export interface ClockEventMatcher {
  readonly event: string;
  /** The event concerns the clock's stage (its payload's `stage`, else the case's current stage). */
  readonly sameStage?: boolean;
  /** The event's payload `stage` must be this one (a request for `review` satisfies the review-request window). */
  readonly payloadStage?: Stage;
  /** The event's payload field equal to the clock's subject (e.g. `orderId` for a supervision order's answer). */
  readonly subjectField?: string;
  /** The event's payload `unitId` must be the clock's unit (a village's 办结报告 does not answer the township's 交办). */
  readonly sameUnit?: boolean;
}

/** How one clock kind ends, and what its end means. Starts are the clock specs' `startsOn` (LAW_DEFAULT_CLOCKS). */
export interface ClockRule {
  /** The facts the clock waits for: the clock stops, satisfied (late when after its due). */
  readonly satisfiedBy: readonly ClockEventMatcher[];
  /** Facts that make the clock moot: superseded (a new dispatch) or the case ended. */
  readonly endedBy: readonly ClockEventMatcher[];
  readonly onDue: ClockDueOutcome;
  /** Whether supervision warns before the end (case.deadline-warning). */
  readonly warns: boolean;
  /** Issuer-set clocks: the start payload's field holding the due instant (交办 feedback, a supervision order's answer). */
  readonly dueField?: string;
  /** One clock per subject: the start payload's field naming it (e.g. one answer clock per supervision order). */
  readonly subjectField?: string;
  /** Only for 申诉求决 claims on the petition route (Art 31 ⑥), e.g. the 60-day handling period (Art 34). */
  readonly petitionRouteOnly?: boolean;
  /** Only when the start payload's `mode` is this (交办 `assign` for the completion report). */
  readonly mode?: string;
  /** Only in these stages, besides the spec's own filter. */
  readonly stages?: readonly Stage[];
}

const ends = (...events: string[]): ClockEventMatcher[] => events.map((event) => ({ event }));
const sameStage = (...events: string[]): ClockEventMatcher[] => events.map((event) => ({ event, sameStage: true }));

/** The case is over: duties stop (a citizen's rating window runs on: a closed case can still be rated). */
const CASE_ENDED = ends('case.closed', 'case.finalized', 'petition.withdrawn');
/** The unit no longer holds the case in this stage: its receipt clocks are superseded. */
const RECEIPT_SUPERSEDED = ends('case.dispatched', 'case.objection-approved', 'case.stage-opened');

/** A duty that ends with the stage's written reply; moot once the case ends. */
const REPLY_DUTY: ClockRule = {
  satisfiedBy: sameStage('case.replied'),
  endedBy: CASE_ENDED,
  onDue: { kind: 'overdue' },
  warns: true,
};

/** A unit's right to send a received case back (退回): used by objecting, lost by deciding on the case or losing it. */
const RETURN_RIGHT: ClockRule = {
  satisfiedBy: sameStage('case.objection-raised'),
  endedBy: [...sameStage('case.accepted', 'case.not-accepted'), ...RECEIPT_SUPERSEDED, ...CASE_ENDED],
  onDue: { kind: 'lapse' },
  warns: true,
};

/**
 * The petitioner's window to ask for the next stage (Art 35 review, Art 36 re-review), from the reply's service: a
 * request for that stage satisfies it. Only claims on the petition route have one (Art 31 ⑥).
 */
function reviewRequestWindow(stage: 'review' | 're-review'): ClockRule {
  return {
    satisfiedBy: [{ event: 'petition.review-requested', payloadStage: stage }],
    endedBy: CASE_ENDED,
    onDue: { kind: 'window-expired', window: stage },
    warns: false,
    petitionRouteOnly: true,
  };
}

/**
 * When each clock stops (data; jurisdictions' extra kinds without a rule get DEFAULT_CLOCK_RULE). The start of every
 * clock is its spec's `startsOn` event; these are the facts that satisfy it or make it moot.
 */
export const CLOCK_RULES: Readonly<Record<string, ClockRule>> = {
  // Art 22: the bureau forwards or assigns within 15 days of receipt (or records not accepting it); a unit that
  // received a petition directly and accepts it on the spot (Art 23 当场) has nothing to forward.
  dispatch: {
    satisfiedBy: ends('case.dispatched', 'case.not-accepted', 'case.accepted'),
    endedBy: CASE_ENDED,
    onDue: { kind: 'overdue' },
    warns: true,
  },
  // Art 23: the unit decides to accept or not within 15 days of receipt.
  acceptance: {
    satisfiedBy: sameStage('case.accepted', 'case.not-accepted'),
    endedBy: [...RECEIPT_SUPERSEDED, ...CASE_ENDED],
    onDue: { kind: 'overdue' },
    warns: true,
  },
  // Art 23: the unit may object within 5 working days; deciding on the case ends that right.
  objection: RETURN_RIGHT,
  // Art 34: 60 days from acceptance (+ extension ≤ 30) to the written reply.
  handling: {
    satisfiedBy: sameStage('case.replied'),
    endedBy: [...ends('case.stage-opened', 'case.objection-approved'), ...CASE_ENDED],
    onDue: { kind: 'overdue' },
    warns: true,
    petitionRouteOnly: true,
    // A review or re-review has its own 30-day handling clock (Art 35, 36), started by the request.
    stages: ['original'],
  },
  // Art 22: 交办 — the completion report by the date the bureau set. Owed whatever becomes of the case (closed,
  // finalized, sent on by the unit): only the bureau taking the assignment back (an approved objection), the
  // petitioner withdrawing, the next stage opening (the report is a stage's; none can be filed for it after) or a
  // merge (并单: the matter carries on, and is reported, in the case it was merged into) ends the wait; otherwise it
  // is overdue like any duty.
  'assignment-feedback': {
    satisfiedBy: [{ event: 'case.assignment-report-submitted', sameStage: true, sameUnit: true }],
    endedBy: ends('case.objection-approved', 'case.stage-opened', 'petition.withdrawn', 'petition.merged'),
    onDue: { kind: 'overdue' },
    warns: true,
    dueField: 'feedbackDueAt',
    mode: 'assign',
  },
  // The stage's rating (满意度评价): rated once, or the window closes.
  'rating-window': {
    satisfiedBy: sameStage('petition.rated'),
    endedBy: ends('petition.withdrawn'),
    onDue: { kind: 'window-expired', window: 'rating' },
    warns: false,
  },
  // Art 35: a review request within 30 days of the reply being served; after it routing closes the case. Only
  // claims on the petition route have a review (Art 31 ⑥); other routes have no window.
  'review-request-window': reviewRequestWindow('review'),
  // Art 35: the review opinion within 30 days of the request.
  'review-handling': REPLY_DUTY,
  // Art 36: a re-review request within 30 days of the review opinion being served.
  're-review-request-window': reviewRequestWindow('re-review'),
  // Art 36: the re-review opinion within 30 days, hearings not counted.
  're-review-handling': {
    satisfiedBy: [...sameStage('case.replied'), ...ends('case.finalized')],
    endedBy: ends('case.closed', 'petition.withdrawn'),
    onDue: { kind: 'overdue' },
    warns: true,
  },
  // Art 40: the ordered unit answers in writing by the date the bureau set; an order outlives the case.
  'supervision-order-answer': {
    satisfiedBy: [{ event: 'case.supervision-order-answered', subjectField: 'orderId' }],
    endedBy: [],
    onDue: { kind: 'overdue' },
    warns: true,
    dueField: 'answerDueAt',
    subjectField: 'orderId',
  },
  // 12345-style local rules (HOTLINE_12345_CLOCKS).
  'hotline-handling': {
    satisfiedBy: sameStage('case.replied'),
    endedBy: [...RECEIPT_SUPERSEDED, ...CASE_ENDED],
    onDue: { kind: 'overdue' },
    warns: true,
  },
  'hotline-return': { ...RETURN_RIGHT, warns: false },
};

/** A kind a jurisdiction added without a rule: a duty that ends with the stage's written reply. */
export const DEFAULT_CLOCK_RULE: ClockRule = REPLY_DUTY;

export function clockRuleFor(kind: string): ClockRule {
  return CLOCK_RULES[kind] ?? DEFAULT_CLOCK_RULE;
}

/**
 * The instant a start event's clocks run from, when it is not the event's own time: a petition's receipt (Art 22
 * 收到之日), the reply's service on the petitioner (Art 35 收到书面答复之日), the request's arrival (Art 35, 36).
 */
export const CLOCK_START_FIELDS: Readonly<Record<string, string>> = {
  'petition.registered': 'receivedAt',
  'case.reply-served': 'servedAt',
  'petition.review-requested': 'requestedAt',
};

/** Events that stop and restart the counting of clocks whose spec lists the pause kind (听证, Art 36). */
export const CLOCK_PAUSE_EVENTS: Readonly<Record<string, { readonly pause: string; readonly edge: 'start' | 'end' }>> = {
  'case.hearing-started': { pause: 'hearing', edge: 'start' },
  'case.hearing-ended': { pause: 'hearing', edge: 'end' },
};

/** Events after which an approved extension moves clocks that allow one (延期, Art 34). */
export const CLOCK_EXTENSION_EVENTS: readonly string[] = ['case.extension-approved'];

/**
 * Events that name the unit a stage's running clocks run against once it is known: a review request's clock starts
 * before routing names the next-higher unit (case.stage-opened).
 */
export const CLOCK_RETARGET_EVENTS: readonly string[] = ['case.stage-opened'];

/** The payload field naming the stage an event concerns (else the case's current stage). */
export const CLOCK_STAGE_FIELD = 'stage';
/** Payload fields naming the unit a clock started by the event runs against, first found wins (else the holder). */
export const CLOCK_UNIT_FIELDS: readonly string[] = ['unitId', 'toUnitId', 'receivingUnitId'];
/** The payload field compared with a rule's `mode` (交办 `assign`). */
export const CLOCK_MODE_FIELD = 'mode';
/** The payload field holding the days an approved extension adds. */
export const CLOCK_EXTENSION_DAYS_FIELD = 'days';
/** The payload field of a retarget event naming the unit the stage's clocks now run against. */
export const CLOCK_RETARGET_UNIT_FIELD = 'unitId';

function matchersOf(rule: ClockRule): ClockEventMatcher[] {
  return [...rule.satisfiedBy, ...rule.endedBy];
}

/**
 * Every payload field a clock rule reads (the fields above, the start instants, the rules' due and subject fields):
 * the case's clock log keeps these and nothing else of an event.
 */
export const CLOCK_PAYLOAD_FIELDS: readonly string[] = (() => {
  const fields = new Set<string>([
    CLOCK_STAGE_FIELD,
    ...CLOCK_UNIT_FIELDS,
    CLOCK_MODE_FIELD,
    CLOCK_EXTENSION_DAYS_FIELD,
    CLOCK_RETARGET_UNIT_FIELD,
    ...Object.values(CLOCK_START_FIELDS),
  ]);
  for (const rule of [...Object.values(CLOCK_RULES), DEFAULT_CLOCK_RULE]) {
    if (rule.dueField !== undefined) fields.add(rule.dueField);
    if (rule.subjectField !== undefined) fields.add(rule.subjectField);
    for (const m of matchersOf(rule)) if (m.subjectField !== undefined) fields.add(m.subjectField);
  }
  return [...fields].sort();
})();

/** Every event type a clock rule or a bundled clock spec reads. */
export const CLOCK_READ_EVENT_TYPES: ReadonlySet<string> = new Set([
  ...Object.values(CLOCK_RULES).flatMap((rule) => matchersOf(rule).map((m) => m.event)),
  ...matchersOf(DEFAULT_CLOCK_RULE).map((m) => m.event),
  ...[...LAW_DEFAULT_CLOCKS, ...HOTLINE_12345_CLOCKS].map((spec) => spec.startsOn),
  ...Object.keys(CLOCK_START_FIELDS),
  ...Object.keys(CLOCK_PAUSE_EVENTS),
  ...CLOCK_EXTENSION_EVENTS,
  ...CLOCK_RETARGET_EVENTS,
]);

/** Event types the case's clock log leaves out: supervision's own notices, which no clock rule reads. */
export const CLOCK_LOG_SKIPPED_TYPES: readonly string[] = CLOCK_NOTICE_EVENT_TYPES.filter((t) => !CLOCK_READ_EVENT_TYPES.has(t));
