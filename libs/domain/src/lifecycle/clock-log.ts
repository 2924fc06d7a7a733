import { CLOCK_LOG_SKIPPED_TYPES, CLOCK_PAYLOAD_FIELDS } from '../deadlines/clock-rules';
import { hasReviewChain } from './case-selectors';
import type { CaseState, ClockFacts, ClockLogEntry } from './case-state';

/** The facts of a case the clock rules read (clockEffects). */
export function clockFactsOf(state: CaseState): ClockFacts {
  return {
    stage: state.stage,
    type: state.type,
    holdingUnitId: state.holdingUnitId,
    reviewChain: hasReviewChain(state),
    placeCode: state.placeCode,
  };
}

/** The payload fields a clock rule reads, and only strings and numbers among them. */
export function clockPayloadOf(payload: unknown): Record<string, string | number> {
  const picked: Record<string, string | number> = {};
  if (typeof payload !== 'object' || payload === null) return picked;
  for (const field of CLOCK_PAYLOAD_FIELDS) {
    const value = (payload as Record<string, unknown>)[field];
    if (typeof value === 'string' || typeof value === 'number') picked[field] = value;
  }
  return picked;
}

/**
 * Appends an applied event to the case's clock log (`after` is the case once the event is applied). Supervision's
 * notices are left out; an event without an instant takes the previous one's (as `lastEventAt` does); an event id
 * already logged is not logged twice (a redelivery).
 */
export function appendClockLog(
  after: CaseState,
  before: CaseState,
  event: { readonly id: string | null; readonly type: string; readonly occurredAt: string | null; readonly payload: unknown },
): CaseState {
  if (CLOCK_LOG_SKIPPED_TYPES.includes(event.type)) return after;
  const occurredAt = event.occurredAt ?? before.lastEventAt;
  if (occurredAt === null) return after;
  const eventId = event.id ?? `#${before.version + 1}`;
  if (after.clockLog.some((e) => e.eventId === eventId)) return after;
  const entry: ClockLogEntry = {
    eventId,
    type: event.type,
    occurredAt,
    payload: clockPayloadOf(event.payload),
    facts: clockFactsOf(after),
  };
  return { ...after, clockLog: [...after.clockLog, entry] };
}
