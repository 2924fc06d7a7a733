import type { Stage } from '@sunshine/contracts';

import type { LocalDate, WorkingCalendar } from '../calendar';
import type { CaseState } from '../lifecycle/case-state';
import { nextStage } from '../taxonomy/stages.taxonomy';
import { type CaseClock, clockHistory, runningClocks } from './clock-history';
import type { ClockContext } from './clock-record';
import { clockRuleFor } from './clock-rules';
import { computeDeadline } from './compute-deadline';
import { clockSpecFor, type DeadlinePolicy } from './deadline-policy';

/** The clocks a petitioner is shown (the units' internal ones, such as the objection clock, are not). */
export const CITIZEN_CLOCK_KINDS: readonly string[] = [
  'dispatch',
  'acceptance',
  'handling',
  'review-handling',
  're-review-handling',
  'rating-window',
  'review-request-window',
  're-review-request-window',
];

/** A clock as the petitioner sees it: no unit, no internal ids. */
export type CitizenClock = Pick<
  CaseClock,
  'kind' | 'label' | 'article' | 'stage' | 'startAt' | 'dueAt' | 'lastDay' | 'provisional' | 'paused' | 'extensionDays'
>;

const satisfiedBy = (kind: string, event: string): boolean => clockRuleFor(kind).satisfiedBy.some((m) => m.event === event);
const byDue = (a: CaseClock, b: CaseClock): number => a.dueAt.localeCompare(b.dueAt);
const last = <T>(list: readonly T[]): T | null => list[list.length - 1] ?? null;

/**
 * The petitioner's running clocks (any stage: a stage's rating window outlives it). The clock rules decide which run:
 * a claim on the petition route shows its handling clock (Art 34), a route without review shows no review windows.
 */
export function citizenClocks(state: CaseState, ctx: ClockContext): CitizenClock[] {
  return runningClocks(state, ctx)
    .filter((c) => CITIZEN_CLOCK_KINDS.includes(c.kind))
    .map((c) => ({
      kind: c.kind,
      label: c.label,
      article: c.article,
      stage: c.stage,
      startAt: c.startAt,
      dueAt: c.dueAt,
      lastDay: c.lastDay,
      provisional: c.provisional,
      paused: c.paused,
      extensionDays: c.extensionDays,
    }));
}

/** The rating window of a stage (from its reply being served, whatever its status), or null before it was served. */
export function ratingWindow(state: CaseState, stage: Stage, ctx: ClockContext): CaseClock | null {
  return last(
    clockHistory(state, ctx).filter((c) => c.stage === stage && c.onDue.kind === 'window-expired' && c.onDue.window === 'rating'),
  );
}

/** The window to ask for the next stage (复查 after the original reply, 复核 after the review), or null (none runs). */
export function reviewRequestWindow(state: CaseState, ctx: ClockContext): CaseClock | null {
  const next = nextStage(state.stage);
  if (next === undefined) return null;
  return last(
    clockHistory(state, ctx).filter((c) => c.stage === state.stage && c.onDue.kind === 'window-expired' && c.onDue.window === next),
  );
}

/** The current stage's handling deadline, as Art 19 asks (a clock that ends with the written reply), or null. */
export function handlingDeadline(state: CaseState, ctx: ClockContext): CaseClock | null {
  const handling = runningClocks(state, ctx).filter((c) => c.stage === state.stage && satisfiedBy(c.kind, 'case.replied'));
  return handling.sort(byDue)[0] ?? null;
}

/** The unit's objection period in the current stage (Art 23, whatever its status), or null when none ran. */
export function objectionWindow(state: CaseState, ctx: ClockContext): CaseClock | null {
  return last(
    clockHistory(state, ctx).filter(
      (c) => c.stage === state.stage && c.unitId === state.holdingUnitId && satisfiedBy(c.kind, 'case.objection-raised'),
    ),
  );
}

/** The next duty the holding unit must meet (the inbox's due): its running duty clock that falls due first. */
export function inboxDue(state: CaseState, ctx: ClockContext): CaseClock | null {
  if (state.holdingUnitId === null) return null;
  const duties = runningClocks(state, ctx).filter((c) => c.unitId === state.holdingUnitId && c.onDue.kind === 'overdue');
  return duties.sort(byDue)[0] ?? null;
}

/** A due the issuer sets (交办 feedback, a supervision order's answer), before it goes into the event. */
export interface IssuerDeadline {
  readonly dueAt: string;
  readonly lastDay: LocalDate;
  readonly provisional: boolean;
  readonly unpublishedYears: readonly number[];
}

/** `days` of clock `kind` (an issuer-set one) from `startAt`, counted on the context's calendar at its place. */
export function issuerDeadline(
  kind: string,
  startAt: Date | string,
  days: number,
  ctx: { readonly calendar: WorkingCalendar; readonly policies: readonly DeadlinePolicy[]; readonly divisionCode?: string | null },
): IssuerDeadline {
  const spec = clockSpecFor(kind, { policies: ctx.policies, divisionCode: ctx.divisionCode ?? undefined });
  const d = computeDeadline(spec, { startAt, amount: days }, ctx.calendar);
  return { dueAt: d.dueAt, lastDay: d.lastDay, provisional: d.provisional, unpublishedYears: d.unpublishedYears };
}
