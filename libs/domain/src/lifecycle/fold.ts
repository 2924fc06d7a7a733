import { type CaseState, initialCaseState } from './case-state';
import { type EvolvableEvent, evolve, type SkippedEvent } from './evolve';

export interface Folded {
  readonly state: CaseState;
  /** Events that were not applied, in log order. */
  readonly skipped: readonly SkippedEvent[];
}

/** Folds a case's events, in log order, from `from` (the empty case by default). Never throws. */
export function fold(events: Iterable<EvolvableEvent>, from: CaseState = initialCaseState()): Folded {
  let state = from;
  const skipped: SkippedEvent[] = [];
  for (const event of events) {
    const result = evolve(state, event);
    state = result.state;
    if (result.skipped) skipped.push(result.skipped);
  }
  return { state, skipped };
}
