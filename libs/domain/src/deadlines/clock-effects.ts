import { type Stage, Stages } from '@sunshine/contracts';

import type { ClockFacts } from '../lifecycle/case-state';
import {
  CLOCK_EXTENSION_DAYS_FIELD,
  CLOCK_EXTENSION_EVENTS,
  CLOCK_MODE_FIELD,
  CLOCK_PAUSE_EVENTS,
  CLOCK_RETARGET_EVENTS,
  CLOCK_RETARGET_UNIT_FIELD,
  CLOCK_STAGE_FIELD,
  CLOCK_START_FIELDS,
  CLOCK_UNIT_FIELDS,
  type ClockEventMatcher,
  clockRuleFor,
} from './clock-rules';
import type { ClockSpec } from './clock-spec';
import { clocksStartingOn } from './deadline-for';
import { clockSpecFor, type DeadlinePolicy } from './deadline-policy';

/** A clock of the ledger that is still running (or paused), as the effects see it. */
export interface RunningClock {
  readonly id: string;
  readonly kind: string;
  readonly stage: Stage;
  readonly unitId: string;
  /** One clock per subject where the rule has one (e.g. the supervision order's id); null otherwise. */
  readonly subject: string | null;
}

/** The part of a case-log event the ledger reads (`id` names the clocks it starts). */
export interface ClockEvent {
  readonly id?: string;
  readonly type: string;
  readonly occurredAt: string;
  readonly payload: unknown;
}

export type ClockEffect =
  | {
      readonly op: 'start';
      readonly spec: ClockSpec;
      readonly stage: Stage;
      readonly unitId: string;
      readonly subject: string | null;
      /** The instant the period runs from (UTC ISO). */
      readonly startAt: string;
      /** Issuer-set clocks: the due instant the issuer gave. */
      readonly dueAt: string | null;
      /** The place whose jurisdiction's policies count the clock. */
      readonly divisionCode: string | null;
    }
  | { readonly op: 'stop'; readonly clockId: string; readonly reason: 'satisfied' | 'ended' }
  | { readonly op: 'extend'; readonly clockId: string; readonly days: number }
  | { readonly op: 'pause'; readonly clockId: string; readonly pause: string; readonly edge: 'start' | 'end'; readonly at: string }
  | { readonly op: 'retarget'; readonly clockId: string; readonly unitId: string };

function field(payload: unknown, key: string): unknown {
  return typeof payload === 'object' && payload !== null ? (payload as Record<string, unknown>)[key] : undefined;
}

function text(payload: unknown, key: string): string | null {
  const value = field(payload, key);
  return typeof value === 'string' ? value : null;
}

/** Where the clock effects look up the clocks in force: the jurisdictions' policies (the law's defaults otherwise). */
export interface ClockEffectContext {
  readonly policies?: readonly DeadlinePolicy[];
}

/** The stage an event concerns: its payload's `stage`, else the case's (current) stage. */
export function eventStage(event: ClockEvent, facts: Pick<ClockFacts, 'stage'>): Stage {
  const stage = text(event.payload, CLOCK_STAGE_FIELD);
  return stage !== null && (Stages as readonly string[]).includes(stage) ? (stage as Stage) : facts.stage;
}

function matches(m: ClockEventMatcher, event: ClockEvent, facts: ClockFacts, clock: RunningClock): boolean {
  if (m.event !== event.type) return false;
  if (m.sameStage && eventStage(event, facts) !== clock.stage) return false;
  if (m.payloadStage !== undefined && text(event.payload, CLOCK_STAGE_FIELD) !== m.payloadStage) return false;
  if (m.subjectField !== undefined && text(event.payload, m.subjectField) !== clock.subject) return false;
  if (m.sameUnit && text(event.payload, 'unitId') !== clock.unitId) return false;
  return true;
}

/**
 * What one case-log event does to the case's clocks (pure): stops the running clocks it satisfies or makes moot,
 * moves those an extension, pause or new unit concerns, then starts the clocks the law starts on it. `facts` are the
 * case's after the event (clockFactsOf); `running` are the case's running clocks before it.
 */
export function clockEffects(
  event: ClockEvent,
  facts: ClockFacts,
  running: readonly RunningClock[],
  context: ClockEffectContext = {},
): ClockEffect[] {
  const effects: ClockEffect[] = [];
  const stopped = new Set<string>();
  for (const clock of running) {
    const rule = clockRuleFor(clock.kind);
    if (rule.satisfiedBy.some((m) => matches(m, event, facts, clock))) {
      effects.push({ op: 'stop', clockId: clock.id, reason: 'satisfied' });
      stopped.add(clock.id);
    } else if (rule.endedBy.some((m) => matches(m, event, facts, clock))) {
      effects.push({ op: 'stop', clockId: clock.id, reason: 'ended' });
      stopped.add(clock.id);
    }
  }
  const live = running.filter((c) => !stopped.has(c.id));
  const where = { policies: context.policies, divisionCode: facts.placeCode ?? undefined };
  effects.push(...adjustments(event, facts, live, where));
  effects.push(...starts(event, facts, where));
  return effects;
}

type SpecWhere = { readonly policies?: readonly DeadlinePolicy[]; readonly divisionCode?: string };

function adjustments(event: ClockEvent, facts: ClockFacts, live: readonly RunningClock[], where: SpecWhere): ClockEffect[] {
  const effects: ClockEffect[] = [];
  const stage = eventStage(event, facts);
  const specOf = (kind: string): ClockSpec | undefined => {
    try {
      return clockSpecFor(kind, where);
    } catch {
      return undefined;
    }
  };
  const days = field(event.payload, CLOCK_EXTENSION_DAYS_FIELD);
  if (CLOCK_EXTENSION_EVENTS.includes(event.type) && typeof days === 'number') {
    for (const c of live) {
      if (c.stage === stage && (specOf(c.kind)?.extensionMaxDays ?? 0) > 0) effects.push({ op: 'extend', clockId: c.id, days });
    }
  }
  const pause = CLOCK_PAUSE_EVENTS[event.type];
  if (pause) {
    for (const c of live) {
      if (c.stage === stage && specOf(c.kind)?.pausedBy.includes(pause.pause)) {
        effects.push({ op: 'pause', clockId: c.id, pause: pause.pause, edge: pause.edge, at: event.occurredAt });
      }
    }
  }
  const unitId = text(event.payload, CLOCK_RETARGET_UNIT_FIELD);
  if (CLOCK_RETARGET_EVENTS.includes(event.type) && unitId !== null) {
    for (const c of live) if (c.stage === stage && c.unitId !== unitId) effects.push({ op: 'retarget', clockId: c.id, unitId });
  }
  return effects;
}

function starts(event: ClockEvent, facts: ClockFacts, where: SpecWhere): ClockEffect[] {
  const stage = eventStage(event, facts);
  const specs = clocksStartingOn(event.type, { type: facts.type ?? undefined, stage }, where);
  const startField = CLOCK_START_FIELDS[event.type];
  const startAt = (startField ? text(event.payload, startField) : null) ?? event.occurredAt;
  const named = CLOCK_UNIT_FIELDS.map((f) => text(event.payload, f)).find((u) => u !== null);
  const unitId = named ?? facts.holdingUnitId;
  if (unitId === null) return [];
  const effects: ClockEffect[] = [];
  for (const spec of specs) {
    const rule = clockRuleFor(spec.kind);
    if (rule.petitionRouteOnly && !facts.reviewChain) continue;
    if (rule.mode !== undefined && text(event.payload, CLOCK_MODE_FIELD) !== rule.mode) continue;
    if (rule.stages !== undefined && !rule.stages.includes(stage)) continue;
    const dueAt = rule.dueField ? text(event.payload, rule.dueField) : null;
    // An issuer-set clock without the issuer's date has nothing to count.
    if (spec.amount === null && dueAt === null) continue;
    const subject = rule.subjectField ? text(event.payload, rule.subjectField) : null;
    effects.push({ op: 'start', spec, stage, unitId, subject, startAt, dueAt, divisionCode: facts.placeCode });
  }
  return effects;
}
