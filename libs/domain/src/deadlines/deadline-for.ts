import type { DivisionCode, PetitionType, Stage } from '@sunshine/contracts';

import type { WorkingCalendar } from '../calendar';
import type { ClockSpec } from './clock-spec';
import { computeDeadline, type Deadline, type DeadlineInput } from './compute-deadline';
import { clockSpecFor, type DeadlinePolicy, resolveClockSpecs } from './deadline-policy';

export interface DeadlineContext {
  /** Jurisdictions' policies; the law's defaults apply where none overrides. */
  policies?: readonly DeadlinePolicy[];
  /** Where the clock runs (the place or the unit's territory) to pick the policies that apply. */
  divisionCode?: DivisionCode;
  calendar?: WorkingCalendar;
}

/** The deadline of clock `kind` in force at the context's division: `clockSpecFor` + `computeDeadline`. */
export function deadlineFor(kind: string, input: DeadlineInput, context: DeadlineContext = {}): Deadline {
  const spec = clockSpecFor(kind, { policies: context.policies, divisionCode: context.divisionCode });
  return computeDeadline(spec, input, context.calendar);
}

/**
 * The clocks that start when `eventType` happens to a case of this type and stage (e.g. `case.reply-served` in the
 * original stage starts the rating window and the review-request window), as in force at the context's division.
 */
export function clocksStartingOn(
  eventType: string,
  facts: { type?: PetitionType; stage?: Stage },
  context: Omit<DeadlineContext, 'calendar'> = {},
): ClockSpec[] {
  return [...resolveClockSpecs(context.policies, context.divisionCode).values()].filter(
    (spec) =>
      spec.startsOn === eventType &&
      (spec.types === undefined || (facts.type !== undefined && spec.types.includes(facts.type))) &&
      (spec.stages === undefined || (facts.stage !== undefined && spec.stages.includes(facts.stage))),
  );
}
