import type { Stage } from '@sunshine/contracts';
import { clocksStartingOn, deadlineFor, nextStage, stageRecord, type CaseState, type ClockSpec, type Deadline } from '@sunshine/domain';

/** The clocks a petitioner is shown (the units' internal ones, such as the objection clock, are not). */
const CITIZEN_CLOCKS = new Set([
  'dispatch', 'acceptance', 'handling', 'review-handling', 're-review-handling', 'rating-window', 'review-request-window',
  're-review-request-window',
]);

export interface ClockView {
  readonly kind: string;
  readonly label: string;
  readonly article: string;
  readonly startAt: string;
  readonly dueAt: string;
  /** The period's last day (Asia/Shanghai). */
  readonly lastDay: string;
  /** Computed for a year whose official holidays are not published yet: may move. */
  readonly provisional: boolean;
}

/** The instant the event `startsOn` happened in the current stage, as far as the case's projection tells. */
function startOf(state: CaseState, startsOn: string): string | null {
  const record = stageRecord(state);
  switch (startsOn) {
    case 'petition.registered':
      return state.status === 'registered' ? state.receivedAt ?? state.registeredAt : null;
    case 'case.dispatched':
      return state.status === 'dispatched' || state.status === 'signed' ? record.dispatchedAt : null;
    case 'case.accepted':
      return state.status === 'accepted' || state.status === 'in-progress' ? record.acceptedAt : null;
    case 'petition.review-requested':
      return state.stage !== 'original' && state.status !== 'replied' && !isEnded(state) ? previousStageRequest(state) : null;
    case 'case.reply-served':
      return state.status === 'replied' ? record.servedAt : null;
    default:
      return null;
  }
}

function isEnded(state: CaseState): boolean {
  return state.status === 'closed' || state.status === 'finalized' || state.status === 'withdrawn';
}

function previousStageRequest(state: CaseState): string | null {
  const previous: Stage | undefined = state.stage === 're-review' ? 'review' : state.stage === 'review' ? 'original' : undefined;
  return previous ? stageRecord(state, previous).nextStageRequestedAt : null;
}

function view(spec: ClockSpec, startAt: string, state: CaseState): ClockView {
  const extensionDays = spec.extensionMaxDays > 0 ? Math.min(stageRecord(state).extensionDays, spec.extensionMaxDays) : 0;
  const d: Deadline = deadlineFor(spec.kind, { startAt, extensionDays }, { divisionCode: state.placeCode ?? undefined });
  return { kind: spec.kind, label: spec.label ?? spec.kind, article: spec.article, startAt, dueAt: d.dueAt, lastDay: d.lastDay, provisional: d.provisional };
}

/** The running clocks of the current stage that matter to the petitioner, computed with the domain's deadline functions. */
export function citizenClocks(state: CaseState): ClockView[] {
  if (state.status === null || isEnded(state) || state.type === null) return [];
  const out: ClockView[] = [];
  for (const startsOn of ['petition.registered', 'case.dispatched', 'case.accepted', 'petition.review-requested', 'case.reply-served']) {
    const startAt = startOf(state, startsOn);
    if (startAt === null) continue;
    for (const spec of clocksStartingOn(startsOn, { type: state.type, stage: state.stage }, { divisionCode: state.placeCode ?? undefined })) {
      if (CITIZEN_CLOCKS.has(spec.kind) && spec.amount !== null) out.push(view(spec, startAt, state));
    }
  }
  return out;
}

/** The rating window of a stage (from its reply being served), or null while the reply has not been served. */
export function ratingWindow(state: CaseState, stage: Stage): ClockView | null {
  const servedAt = stageRecord(state, stage).servedAt;
  if (servedAt === null || state.type === null) return null;
  const spec = clocksStartingOn('case.reply-served', { type: state.type, stage }, { divisionCode: state.placeCode ?? undefined })
    .find((s) => s.kind === 'rating-window');
  return spec ? view(spec, servedAt, state) : null;
}

/** The window to ask for the next stage (复查 after the original reply, 复核 after the review), or null. */
export function reviewRequestWindow(state: CaseState): ClockView | null {
  const servedAt = stageRecord(state).servedAt;
  const next = nextStage(state.stage);
  if (servedAt === null || state.type === null || next === undefined) return null;
  const spec = clocksStartingOn('case.reply-served', { type: state.type, stage: state.stage }, { divisionCode: state.placeCode ?? undefined })
    .find((s) => s.kind === `${next}-request-window`);
  return spec ? view(spec, servedAt, state) : null;
}

/** The handling deadline of an accepted case (Art 19 asks whether it still runs), or undefined. */
export function handlingDeadline(state: CaseState): { dueAt: string; lastDay: string } | undefined {
  const record = stageRecord(state);
  if (record.acceptedAt === null || state.type === null) return undefined;
  const clock = citizenClocks(state).find((c) => c.kind === 'handling' || c.kind.endsWith('-handling'));
  return clock ? { dueAt: clock.dueAt, lastDay: clock.lastDay } : undefined;
}
