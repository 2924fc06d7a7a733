import type { CaseCommand } from '../../lifecycle/case-command';
import { initialCaseState, type CaseState } from '../../lifecycle/case-state';
import { decide } from '../../lifecycle/decide';
import { evolve, type EvolvableEvent } from '../../lifecycle/evolve';
import { CASE_ID } from '../../lifecycle/__fixtures__/case.fixtures';

/** A command and the instant its events happen (UTC ISO). */
export type TimedStep = readonly [occurredAt: string, command: CaseCommand];

/**
 * Decides and applies each command at its instant, as a service would; throws on a refusal (a test bug). Event ids
 * are `e1`, `e2` … in log order.
 */
export function playAt(steps: readonly TimedStep[], from: CaseState = initialCaseState(CASE_ID)) {
  let state = from;
  const events: EvolvableEvent[] = [];
  for (const [occurredAt, command] of steps) {
    const decision = decide(state, command);
    if (!decision.ok) throw new Error(`${command.name} refused: ${decision.error.code} ${decision.error.details?.join('; ') ?? ''}`);
    for (const decided of decision.events) {
      const event: EvolvableEvent = { id: `e${events.length + 1}`, type: decided.type, version: 1, occurredAt, caseId: CASE_ID, payload: decided.payload };
      const result = evolve(state, event);
      if (result.skipped) throw new Error(`skipped ${event.type}: ${result.skipped.reason} ${result.skipped.detail ?? ''}`);
      state = result.state;
      events.push(event);
    }
  }
  return { state, events };
}
