import type { PayloadOf, PetitionType } from '@sunshine/contracts';

import { defaultWorkingCalendar, type WorkingCalendar } from '../../calendar';
import { BUREAU, CASE_ID, commands, decideAndApply, DEPT } from '../../lifecycle/__fixtures__/case.fixtures';
import type { CaseCommand } from '../../lifecycle/case-command';
import { type CaseState, initialCaseState } from '../../lifecycle/case-state';
import type { EvolvableEvent } from '../../lifecycle/evolve';
import type { ClockContext } from '../clock-record';

/** A command and the instant its events happen (UTC ISO). */
export type TimedStep = readonly [occurredAt: string, command: CaseCommand];

/**
 * Decides and applies each command at its instant, as a service would; throws on a refusal (a test bug). Event ids
 * are `e1`, `e2` … in log order.
 */
export function playAt(steps: readonly TimedStep[], from: CaseState = initialCaseState(CASE_ID)) {
  let state = from;
  let seq = 0;
  const events: EvolvableEvent[] = [];
  for (const [occurredAt, command] of steps) {
    const applied = decideAndApply(state, command, (decided) => ({
      id: `e${++seq}`,
      type: decided.type,
      version: 1,
      occurredAt,
      caseId: CASE_ID,
      payload: decided.payload,
    }));
    state = applied.state;
    events.push(...applied.events);
  }
  return { state, events };
}

/** What the clock selectors count with: the bundled calendar (or `calendar`), no local policy, as of `asOf`. */
export function clockContext(asOf: string, calendar: WorkingCalendar = defaultWorkingCalendar()): ClockContext {
  return { calendar, policies: [], asOf };
}

/** The registration, at `at`, of a petition received at that same instant. */
export function registeredAt(at: string, over: Partial<PayloadOf<'petition.registered'>> = {}): TimedStep {
  return [at, commands.register({ receivedAt: at, registeredAt: at, ...over })];
}

/** The instants of an original stage's steps (UTC ISO); a step without one has not happened. */
export interface OriginalStageTimes {
  readonly registered: string;
  readonly dispatched: string;
  readonly signed: string;
  readonly accepted: string;
  readonly replied?: string;
  readonly served?: string;
}

/**
 * An original stage: registered at BUREAU, forwarded to DEPT, signed and accepted there (a claim on the petition route
 * unless `claimRoute` says otherwise), then replied and served where those instants are given.
 */
export function originalStageAt(
  at: OriginalStageTimes,
  petition: { readonly type?: PetitionType; readonly claimRoute?: 'petition' | 'litigation' } = {},
): TimedStep[] {
  const { type = 'claim', claimRoute = type === 'claim' ? 'petition' : undefined } = petition;
  return [
    registeredAt(at.registered, { type }),
    [at.dispatched, commands.dispatch(BUREAU, DEPT)],
    [at.signed, commands.sign(DEPT)],
    [at.accepted, commands.accept(DEPT, claimRoute)],
    ...happened([
      [at.replied, commands.reply(DEPT)],
      [at.served, commands.serve(DEPT, at.served)],
    ]),
  ];
}

/** The instants of a review or re-review's steps (UTC ISO); a step without one has not happened. */
export interface LaterStageTimes {
  readonly requested: string;
  readonly opened: string;
  readonly signed?: string;
  readonly accepted?: string;
  readonly replied?: string;
  readonly served?: string;
}

/** A review or re-review asked for by the petitioner and opened at `unitId`, then worked there as far as instants are given. */
export function laterStageAt(stage: 'review' | 're-review', unitId: string, at: LaterStageTimes): TimedStep[] {
  return [
    [at.requested, commands.requestReview(stage, at.requested)],
    [at.opened, commands.openStage(stage, unitId)],
    ...happened([
      [at.signed, commands.sign(unitId)],
      [at.accepted, commands.accept(unitId)],
      [at.replied, commands.reply(unitId)],
      [at.served, commands.serve(unitId, at.served)],
    ]),
  ];
}

function happened(steps: ReadonlyArray<readonly [string | undefined, CaseCommand]>): TimedStep[] {
  return steps.filter((step): step is TimedStep => step[0] !== undefined);
}
