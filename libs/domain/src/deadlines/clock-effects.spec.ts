import { answeredSteps, BUREAU, CASE_ID, CITY_BUREAU, commands, DEPT, ORDER_ID, play } from '../lifecycle/__fixtures__/case.fixtures';
import { type CaseState, initialCaseState } from '../lifecycle/case-state';
import { clockFactsOf } from '../lifecycle/clock-log';
import { type EvolvableEvent, evolve } from '../lifecycle/evolve';
import { type ClockEffect, clockEffects, type RunningClock } from './clock-effects';

interface Ledger {
  state: CaseState;
  running: RunningClock[];
  log: string[];
}

/** Applies events the way supervision's ledger does: fold, then the clock effects against the running clocks. */
function run(events: readonly EvolvableEvent[], ledger: Ledger = { state: initialCaseState(CASE_ID), running: [], log: [] }): Ledger {
  let next = 0;
  for (const e of events) {
    const state = evolve(ledger.state, e).state;
    const effects = clockEffects({ type: e.type, occurredAt: e.occurredAt ?? '', payload: e.payload }, clockFactsOf(state), ledger.running);
    for (const effect of effects) apply(ledger, effect, () => `c${++next}-${e.type}`);
    ledger.state = state;
  }
  return ledger;
}

function apply(ledger: Ledger, effect: ClockEffect, id: () => string): void {
  const clock = (clockId: string) => ledger.running.find((c) => c.id === clockId)?.kind ?? '?';
  if (effect.op === 'start') {
    ledger.running.push({ id: id(), kind: effect.spec.kind, stage: effect.stage, unitId: effect.unitId, subject: effect.subject });
    ledger.log.push(`start ${effect.spec.kind}@${effect.unitId}${effect.dueAt ? ` due ${effect.dueAt}` : ''} from ${effect.startAt}`);
  } else if (effect.op === 'stop') {
    ledger.log.push(`${effect.reason} ${clock(effect.clockId)}`);
    ledger.running = ledger.running.filter((c) => c.id !== effect.clockId);
  } else if (effect.op === 'retarget') {
    ledger.log.push(`retarget ${clock(effect.clockId)}→${effect.unitId}`);
  } else if (effect.op === 'extend') {
    ledger.log.push(`extend ${clock(effect.clockId)} +${effect.days}`);
  } else {
    ledger.log.push(`pause-${effect.edge} ${clock(effect.clockId)}`);
  }
}

describe('clock effects (the ledger’s start/stop mapping)', () => {
  it('starts each clock on the event the law names and stops it on the fact it waits for', () => {
    const { events } = play(answeredSteps());
    const ledger = run(events);
    expect(ledger.log).toEqual([
      `start dispatch@${BUREAU} from 2025-03-03T01:00:00.000Z`,
      'satisfied dispatch',
      `start acceptance@${DEPT} from ${events[1]?.occurredAt}`,
      `start objection@${DEPT} from ${events[1]?.occurredAt}`,
      'satisfied acceptance',
      'ended objection',
      `start handling@${DEPT} from ${events[3]?.occurredAt}`,
      'satisfied handling',
      // served on 2025-04-01: the rating and review windows run from the service, not from the event
      `start rating-window@${DEPT} from 2025-04-01T02:00:00.000Z`,
      `start review-request-window@${DEPT} from 2025-04-01T02:00:00.000Z`,
    ]);
    expect(ledger.running.map((c) => c.kind)).toEqual(['rating-window', 'review-request-window']);
  });

  it('satisfies the review window with a review request and retargets the review clock to the unit routing names', () => {
    const { events } = play([...answeredSteps(), commands.requestReview('review'), commands.openStage('review', CITY_BUREAU)]);
    const ledger = run(events);
    expect(ledger.log.slice(-3)).toEqual([
      'satisfied review-request-window',
      `start review-handling@${DEPT} from 2025-04-10T02:00:00.000Z`,
      `retarget review-handling→${CITY_BUREAU}`,
    ]);
    // the rating window of the original stage runs on
    expect(ledger.running.map((c) => [c.kind, c.stage])).toEqual([
      ['rating-window', 'original'],
      ['review-handling', 'review'],
    ]);
  });

  it('supersedes the receipt clocks when the case is dispatched again, and extends the handling clock', () => {
    const { events } = play([
      commands.register(),
      commands.dispatch(BUREAU, DEPT),
      commands.sign(DEPT),
      commands.raiseObjection(DEPT),
      commands.approveObjection(BUREAU),
      commands.dispatch(BUREAU, DEPT, 'forward', 2),
      commands.sign(DEPT),
      commands.accept(DEPT, 'petition'),
      commands.requestExtension(DEPT, 20),
      commands.approveExtension(DEPT, 20),
    ]);
    const log = run(events).log;
    expect(log).toContain('satisfied objection');
    expect(log).toContain('ended acceptance');
    expect(log.filter((l) => l.startsWith('start acceptance'))).toHaveLength(2);
    expect(log.at(-1)).toBe('extend handling +20');
  });

  it('gives no handling clock to a claim led into litigation, and one answer clock per supervision order', () => {
    const litigation = run(
      play([commands.register(), commands.dispatch(BUREAU, DEPT), commands.sign(DEPT), commands.accept(DEPT, 'litigation')]).events,
    );
    expect(litigation.log.some((l) => l.startsWith('start handling'))).toBe(false);

    const order = {
      orderId: ORDER_ID,
      unitId: DEPT,
      byUnitId: BUREAU,
      trigger: 'overdue' as const,
      answerDueAt: '2025-03-20T16:00:00.000Z',
      reason: { code: 'x' },
    };
    const issued = { id: 'e1', type: 'case.supervision-order-issued', version: 1, occurredAt: '2025-03-10T02:00:00.000Z', payload: order };
    const answered = {
      ...issued,
      id: 'e2',
      type: 'case.supervision-order-answered',
      payload: { orderId: ORDER_ID, unitId: DEPT, byUnitId: BUREAU, answerRef: 'supervision:answer:1' },
    };
    const ledger = run([issued, answered], { ...litigation, log: [] });
    expect(ledger.log).toEqual([
      `start supervision-order-answer@${DEPT} due 2025-03-20T16:00:00.000Z from 2025-03-10T02:00:00.000Z`,
      'satisfied supervision-order-answer',
    ]);
  });
});
