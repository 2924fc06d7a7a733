import { type CaseLogEventType, CaseStatuses } from '@sunshine/contracts';
import fc from 'fast-check';

import { BUREAU, CITY, commands, COUNTY, DEPT, envelope, TOWN } from './__fixtures__/case.fixtures';
import { samplePayloads } from './__fixtures__/sample-payloads';
import type { CaseCommand } from './case-command';
import { type CaseState, initialCaseState } from './case-state';
import { decide } from './decide';
import { type EvolvableEvent, evolve } from './evolve';

const knownTypes = Object.keys(samplePayloads) as CaseLogEventType[];

/** Freezes a state all the way down: an evolver that mutated its input would throw (and be reported). */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** A payload with one field removed. */
function withoutOneField(payload: object, index: number): Record<string, unknown> {
  const entries = Object.entries(payload);
  return Object.fromEntries(entries.filter((_, i) => i !== index % Math.max(entries.length, 1)));
}

const validEvent = fc
  .record({
    id: fc.option(fc.constantFrom('a', 'b', 'c'), { nil: undefined }),
    type: fc.constantFrom(...knownTypes),
  })
  .map(({ id, type }): EvolvableEvent => ({ id, type, version: 1, payload: samplePayloads[type] }));

const anyEvent: fc.Arbitrary<unknown> = fc.oneof(
  validEvent,
  // a known type with a payload missing a field
  fc.tuple(fc.constantFrom(...knownTypes), fc.nat()).map(([type, i]) => ({
    type,
    version: 1,
    payload: withoutOneField(samplePayloads[type], i),
  })),
  // a known type with garbage
  fc.record({ type: fc.constantFrom(...knownTypes), version: fc.anything(), payload: fc.anything() }),
  // unknown types, newer versions, other topics
  fc.record({ type: fc.string(), version: fc.integer(), payload: fc.anything() }),
  fc.record({ type: fc.constantFrom(...knownTypes), version: fc.integer({ min: 2, max: 9 }), payload: fc.anything() }),
  fc.constant({ type: 'org.unit-snapshot', version: 1, payload: {} }),
  // not even an event
  fc.anything(),
);

describe('evolve (property)', () => {
  it('never throws, and counts exactly the events it applied', () => {
    fc.assert(
      fc.property(fc.array(anyEvent, { maxLength: 40 }), (events) => {
        let state = initialCaseState();
        let applied = 0;
        for (const event of events) {
          const result = evolve(state, event as EvolvableEvent);
          if (!result.skipped) applied += 1;
          state = result.state;
        }
        expect(state.version).toBe(applied);
        expect(state.status === null || CaseStatuses.includes(state.status)).toBe(true);
        if (state.holdingUnitId !== null) expect(state.heldBy).toContain(state.holdingUnitId);
      }),
      { numRuns: 300 },
    );
  });
});

const units = [BUREAU, DEPT, TOWN, COUNTY, CITY];
const progress = [
  'dispatch',
  'sign',
  'accept',
  'raise-objection',
  'approve-objection',
  'reject-objection',
  'start-handling',
  'request-extension',
  'approve-extension',
  'reply',
  'serve',
  'request-review',
  'open-stage',
  'rate',
] as const;
const endings = ['register', 'not-accept', 'close', 'finalize', 'withdraw'] as const;

/** A step of a random case: mostly done by the unit that holds it (so runs go deep), sometimes by another one. */
const intent = fc.record({
  kind: fc.oneof({ arbitrary: fc.constantFrom(...progress), weight: 40 }, { arbitrary: fc.constantFrom(...endings), weight: 1 }),
  byHolder: fc.integer({ min: 0, max: 9 }).map((n) => n < 8),
  unit: fc.constantFrom(...units),
  days: fc.integer({ min: 1, max: 40 }),
  stage: fc.constantFrom('review' as const, 're-review' as const),
});

type Intent = typeof intent extends fc.Arbitrary<infer T> ? T : never;

/** The steps whose command needs nothing but the unit that takes them. */
const byActor = {
  sign: commands.sign,
  accept: commands.accept,
  'not-accept': commands.notAccept,
  'raise-objection': commands.raiseObjection,
  'start-handling': commands.startHandling,
  reply: commands.reply,
  close: commands.close,
  finalize: commands.finalize,
} satisfies Partial<Record<Intent['kind'], (unitId: string) => CaseCommand>>;

function hasActorOnly(kind: Intent['kind']): kind is keyof typeof byActor {
  return kind in byActor;
}

function commandFor(state: CaseState, i: Intent): CaseCommand {
  const actor = i.byHolder ? (state.holdingUnitId ?? i.unit) : i.unit;
  const replier = state.stages[state.stage]?.reply?.unitId ?? actor;
  const bureau = i.byHolder ? (state.objections.pending?.bureauUnitId ?? i.unit) : i.unit;
  const nextStage = state.reviewRequested ?? (state.stage === 'original' ? 'review' : i.stage);
  if (hasActorOnly(i.kind)) return byActor[i.kind](actor);
  switch (i.kind) {
    case 'register':
      return commands.register();
    case 'dispatch':
      return commands.dispatch(actor, i.unit, i.days % 2 === 0 ? 'assign' : 'forward');
    case 'approve-objection':
      return commands.approveObjection(bureau);
    case 'reject-objection':
      return commands.rejectObjection(bureau);
    case 'request-extension':
      return commands.requestExtension(actor, i.days);
    case 'approve-extension':
      return commands.approveExtension(actor, i.days);
    case 'serve':
      return commands.serve(i.byHolder ? replier : i.unit);
    case 'request-review':
      return commands.requestReview(i.byHolder ? nextStage : i.stage);
    case 'open-stage':
      return commands.openStage(nextStage, i.unit);
    case 'rate':
      return commands.rate(state.stage, actor);
    case 'withdraw':
      return commands.withdraw();
  }
}

describe('decide (property)', () => {
  it('never throws, and every event it emits passes its contract and is applied by evolve without mutating the state', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.array(intent, { minLength: 20, maxLength: 80, size: 'max' }), (claim, intents) => {
        let state = initialCaseState();
        const first = commands.register(claim ? {} : { type: 'suggestion' });
        for (const i of [null, ...intents]) {
          const step = i === null ? first : commandFor(state, i);
          const decision = decide(state, step);
          if (!decision.ok) {
            expect(decision.error.command).toBe(step.name);
            continue;
          }
          for (const decided of decision.events) {
            const result = evolve(deepFreeze(state), envelope(decided));
            expect(result.skipped).toBeUndefined();
            state = result.state;
          }
          expect(state.objections.byUnit.length).toBe(state.objections.count);
          expect(state.stages[state.stage]?.extensionDays ?? 0).toBeLessThanOrEqual(30);
        }
      }),
      { numRuns: 300 },
    );
  });
});
