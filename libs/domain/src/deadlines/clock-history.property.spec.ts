import type { PetitionType } from '@sunshine/contracts';
import fc from 'fast-check';

import { defaultWorkingCalendar } from '../calendar';
import { BUREAU, CASE_ID, CITY, commands, COUNTY, DEPT, TOWN } from '../lifecycle/__fixtures__/case.fixtures';
import type { CaseCommand } from '../lifecycle/case-command';
import { type CaseState, initialCaseState } from '../lifecycle/case-state';
import { clockFactsOf } from '../lifecycle/clock-log';
import { decide } from '../lifecycle/decide';
import { type EvolvableEvent, evolve } from '../lifecycle/evolve';
import { clockEffects } from './clock-effects';
import { caseClockOf, clockHistory, clockRecordsOf, runningClocks } from './clock-history';
import { applyClockEffects, clockClosedAt, type ClockContext, clockDeadline, type ClockRecord, openClocksAt } from './clock-record';
import { clockRuleFor } from './clock-rules';
import {
  CITIZEN_CLOCK_KINDS,
  citizenClocks,
  handlingDeadline,
  inboxDue,
  issuerDeadline,
  ratingWindow,
  reviewRequestWindow,
} from './clock-selectors';

const calendar = defaultWorkingCalendar();
const units = [BUREAU, DEPT, TOWN, COUNTY, CITY];
const HOUR = 3_600_000;
const T0 = Date.parse('2025-11-03T01:00:00.000Z');
const reason = { code: 'test', text: '测试' };
const steps = [
  'dispatch',
  'sign',
  'accept',
  'not-accept',
  'raise-objection',
  'approve-objection',
  'reject-objection',
  'start-handling',
  'start-hearing',
  'end-hearing',
  'request-extension',
  'approve-extension',
  'report',
  'reply',
  'serve',
  'request-review',
  'open-stage',
  'rate',
  'issue-order',
  'answer-order',
  'warn',
  'overdue',
] as const;
const endings = ['close', 'finalize', 'withdraw'] as const;

/**
 * One step of a random case, after a gap of hours or weeks: mostly the case's natural next step (so runs reach the
 * review stages), else any step by the unit holding it or by another one.
 */
const intent = fc.record({
  kind: fc.oneof(
    { arbitrary: fc.constant('advance' as const), weight: 24 },
    { arbitrary: fc.constantFrom(...steps), weight: 12 },
    { arbitrary: fc.constantFrom(...endings), weight: 1 },
  ),
  byHolder: fc.integer({ min: 0, max: 9 }).map((n) => n < 8),
  unit: fc.constantFrom(...units),
  days: fc.integer({ min: 1, max: 30 }),
  assign: fc.boolean(),
  route: fc.constantFrom(undefined, 'petition' as const, 'litigation' as const),
  gapHours: fc.oneof(
    { arbitrary: fc.integer({ min: 1, max: 48 }), weight: 3 },
    { arbitrary: fc.integer({ min: 48, max: 24 * 40 }), weight: 1 },
  ),
});
type Intent = typeof intent extends fc.Arbitrary<infer T> ? T : never;

/** The natural next step of the case in its status. */
function advance(state: CaseState, i: Intent): Intent['kind'] {
  const record = state.stages[state.stage];
  switch (state.status) {
    case 'registered':
      return i.days % 4 === 0 ? 'accept' : 'dispatch';
    case 'dispatched':
      return 'sign';
    case 'signed':
      return i.days % 5 === 0 ? 'raise-objection' : 'accept';
    case 'objection-pending':
      return i.assign ? 'approve-objection' : 'reject-objection';
    case 'accepted':
      return 'start-handling';
    case 'in-progress':
      if (state.flags.hearingPaused) return 'end-hearing';
      if (record?.pendingExtensionDays !== null && record?.pendingExtensionDays !== undefined) return 'approve-extension';
      return i.days % 3 === 0 ? 'start-hearing' : i.days % 7 === 1 ? 'request-extension' : 'reply';
    case 'replied':
      if (record?.servedAt === null) return 'serve';
      if (state.reviewRequested !== null) return 'open-stage';
      return state.stage === 're-review' ? 'finalize' : i.days % 4 === 0 ? 'close' : 'request-review';
    case 'not-accepted':
      return 'close';
    default:
      return 'rate';
  }
}

function commandFor(state: CaseState, given: Intent, now: Date, orderSeq: number): CaseCommand {
  const i = given.kind === 'advance' ? { ...given, kind: advance(state, given), byHolder: true } : given;
  const actor = i.byHolder ? (state.holdingUnitId ?? i.unit) : i.unit;
  const at = now.toISOString();
  const due = (kind: string) => issuerDeadline(kind, now, i.days, { calendar, policies: [], divisionCode: state.placeCode }).dueAt;
  const facts = { clock: 'handling', stage: state.stage, unitId: actor, dueAt: at, article: '第34条' };
  const order = state.flags.openOrders[0];
  switch (i.kind) {
    case 'dispatch': {
      const mode = i.assign ? 'assign' : 'forward';
      const base = commands.dispatch(actor, i.unit, mode, (state.lastDispatch?.hop ?? 0) + 1);
      return mode === 'assign'
        ? ({ ...base, payload: { ...base.payload, feedbackDueAt: due('assignment-feedback') } } as CaseCommand)
        : base;
    }
    case 'sign':
      return commands.sign(actor);
    case 'accept':
      return commands.accept(actor, state.type === 'claim' ? i.route : undefined);
    case 'not-accept':
      return commands.notAccept(actor);
    case 'raise-objection':
      return commands.raiseObjection(actor);
    case 'approve-objection':
      return commands.approveObjection(state.objections.pending?.bureauUnitId ?? i.unit);
    case 'reject-objection':
      return commands.rejectObjection(state.objections.pending?.bureauUnitId ?? i.unit);
    case 'start-handling':
      return commands.startHandling(actor);
    case 'start-hearing':
      return { name: 'start-hearing', payload: { unitId: actor } };
    case 'end-hearing':
      return { name: 'end-hearing', payload: { unitId: actor } };
    case 'request-extension':
      return commands.requestExtension(actor, i.days);
    case 'approve-extension':
      return commands.approveExtension(actor, state.stages[state.stage]?.pendingExtensionDays ?? i.days);
    case 'report':
      return { name: 'submit-assignment-report', payload: { unitId: state.assignment?.unitId ?? actor, reportRef: 'routing:report:1' } };
    case 'reply':
      return commands.reply(actor);
    case 'serve':
      return commands.serve(state.stages[state.stage]?.reply?.unitId ?? actor, at);
    case 'request-review':
      return { name: 'request-review', payload: { stage: state.stage === 'original' ? 'review' : 're-review', requestedAt: at } };
    case 'open-stage':
      return commands.openStage(state.reviewRequested ?? 'review', i.unit);
    case 'rate':
      return commands.rate(i.assign ? state.stage : 'original', actor);
    case 'issue-order':
      return {
        name: 'issue-supervision-order',
        payload: {
          orderId: `0190a6b2-7c3e-7a1b-8c2d-${String(orderSeq).padStart(12, '0')}`,
          unitId: actor,
          byUnitId: BUREAU,
          trigger: 'delay',
          answerDueAt: due('supervision-order-answer'),
          reason,
        },
      };
    case 'answer-order':
      return {
        name: 'answer-supervision-order',
        payload: { orderId: order?.orderId ?? 'x', unitId: order?.unitId ?? actor, byUnitId: BUREAU, answerRef: 'supervision:answer:1' },
      };
    case 'warn':
      return { name: 'warn-deadline', payload: facts };
    case 'overdue':
      return { name: 'mark-overdue', payload: facts };
    case 'close':
      return commands.close(actor);
    case 'finalize':
      return commands.finalize(actor);
    case 'withdraw':
      return commands.withdraw();
    case 'advance':
      return commands.withdraw();
  }
}

/** A legal case: every command decided against the case so far, refused ones dropped. */
function legalCase(type: PetitionType, intents: readonly Intent[]): { state: CaseState; events: EvolvableEvent[]; end: number } {
  let state = initialCaseState(CASE_ID);
  const events: EvolvableEvent[] = [];
  let t = T0;
  const at = new Date(t).toISOString();
  const first: CaseCommand = commands.register({ type, receivedAt: at, registeredAt: at });
  for (const [n, i] of [null, ...intents].entries()) {
    if (i !== null) t += i.gapHours * HOUR;
    const decision = decide(state, i === null ? first : commandFor(state, i, new Date(t), n));
    if (!decision.ok) continue;
    for (const decided of decision.events) {
      const event = {
        id: `e${events.length + 1}`,
        type: decided.type,
        version: 1,
        occurredAt: new Date(t).toISOString(),
        caseId: CASE_ID,
        payload: decided.payload,
      };
      state = evolve(state, event).state;
      events.push(event);
    }
  }
  return { state, events, end: t };
}

/** The ledger's way: every event (notices too) with its whole payload and the whole case, open rows apart from stopped ones. */
function ledger(events: readonly EvolvableEvent[], ctx: ClockContext): ClockRecord[] {
  let state = initialCaseState(CASE_ID);
  let open: ClockRecord[] = [];
  const stopped: ClockRecord[] = [];
  for (const e of events) {
    state = evolve(state, e).state;
    const event = { id: e.id ?? '', type: e.type, occurredAt: e.occurredAt ?? '', payload: e.payload };
    const effects = clockEffects(event, clockFactsOf(state), openClocksAt(open, event.occurredAt, ctx), { policies: ctx.policies });
    const next = applyClockEffects(open, effects, event, ctx);
    open = next.filter((r) => r.status === 'running' || r.status === 'paused');
    stopped.push(...next.filter((r) => r.status === 'satisfied' || r.status === 'ended'));
  }
  return [...stopped, ...open].sort((a, b) => a.id.localeCompare(b.id));
}

describe('clockHistory (property)', () => {
  it('gives, for any legal case, the clocks the ledger gets event by event, and views consistent with them', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<PetitionType>('claim', 'claim', 'suggestion', 'accusation'),
        fc.array(intent, { minLength: 10, maxLength: 60 }),
        fc.integer({ min: 0, max: 24 * 60 }),
        (type, intents, laterHours) => {
          const { state, events, end } = legalCase(type, intents);
          const ctx: ClockContext = { calendar, policies: [], asOf: new Date(end + laterHours * HOUR).toISOString() };
          const byLedger = ledger(events, ctx);
          const records = clockRecordsOf(state, ctx);
          expect([...records].sort((a, b) => a.id.localeCompare(b.id))).toEqual(byLedger);

          const history = clockHistory(state, ctx);
          expect(history).toEqual(records.map((r) => caseClockOf(r, ctx)));
          const live = byLedger.filter((r) => (r.status === 'running' || r.status === 'paused') && !clockClosedAt(r, ctx.asOf, ctx));
          expect(
            runningClocks(state, ctx)
              .map((c) => c.id)
              .sort(),
          ).toEqual(live.map((r) => r.id));

          const duties = live
            .filter((r) => r.unitId === state.holdingUnitId && r.onDue.kind === 'overdue')
            .map((r) => clockDeadline(r, ctx).dueAt);
          expect(inboxDue(state, ctx)?.dueAt ?? null).toBe(duties.sort()[0] ?? null);

          const citizen = citizenClocks(state, ctx);
          expect(citizen.map((c) => c.kind)).toEqual(
            live
              .filter((r) => CITIZEN_CLOCK_KINDS.includes(r.kind))
              .sort(byStart(records))
              .map((r) => r.kind),
          );
          for (const stage of ['original', 'review', 're-review'] as const) {
            expect(ratingWindow(state, stage, ctx) !== null).toBe((state.stages[stage]?.servedAt ?? null) !== null);
          }
          const review = reviewRequestWindow(state, ctx);
          if (review !== null) expect(review.stage).toBe(state.stage);
          const handling = handlingDeadline(state, ctx);
          if (handling !== null) {
            expect(handling.stage).toBe(state.stage);
            expect(clockRuleFor(handling.kind).satisfiedBy.some((m) => m.event === 'case.replied')).toBe(true);
          }
          if (type !== 'claim') {
            // No review chain: no Art 34 handling clock, no review window, no review stage.
            expect(history.filter((c) => c.kind === 'handling' || c.kind.endsWith('-request-window') || c.stage !== 'original')).toEqual(
              [],
            );
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

function byStart(records: readonly ClockRecord[]): (a: ClockRecord, b: ClockRecord) => number {
  const order = new Map(records.map((r, i) => [r.id, i]));
  return (a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0);
}
