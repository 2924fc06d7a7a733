import type { AnyCaseEvent, RatingSubject, Stage } from '@sunshine/contracts';
import { shanghaiDateOf } from '../calendar';
import { clockRuleFor, isLate, type CaseClock } from '../deadlines';
import type { CaseState } from '../lifecycle/case-state';
import type { KpiFact, KpiMetric } from './kpi-fact';

const satisfiedBy = (kind: string, event: string): boolean => clockRuleFor(kind).satisfiedBy.some((m) => m.event === event);
/** The unit's decision on a received case (Art 23), not the bureau's dispatch clock (also ended by an acceptance). */
const isAcceptanceClock = (c: CaseClock): boolean => satisfiedBy(c.kind, 'case.accepted') && !satisfiedBy(c.kind, 'case.dispatched');
/** A duty that ends with the stage's written reply (Art 34–36, 12345 handling). */
const isReplyClock = (c: CaseClock): boolean => c.onDue.kind === 'overdue' && satisfiedBy(c.kind, 'case.replied');

/**
 * The unit rated for a stage (谁初次办理、谁接受评价): for the handling unit, the first unit that accepted the stage, else
 * the unit named; for the bureau, the unit named.
 */
export function ratedUnitOf(state: CaseState, stage: Stage, subject: RatingSubject, named: string): string {
  if (subject === 'bureau') return named;
  return state.stages[stage]?.acceptedByUnitId ?? named;
}

type Dims = Pick<KpiFact, 'division' | 'channel' | 'category' | 'persons'>;
const dimsOf = (s: CaseState): Dims => ({ division: s.placeCode ?? '', channel: s.channel ?? '', category: s.category ?? '', persons: s.headCount });
const fact = (d: Dims, key: string, metric: KpiMetric, outcome: string, unitId: string, at: string): KpiFact =>
  ({ key, metric, outcome, unitId, day: at.length === 10 ? at : shanghaiDateOf(at), ...d });

/** A duty clock's outcome: done on time or late, or overdue (running past its due, or superseded after it). */
function dutyOutcome(c: CaseClock): { outcome: 'on-time' | 'late' | 'overdue'; at: string } | null {
  if (c.status === 'satisfied' && c.stoppedAt !== null) return { outcome: c.late ? 'late' : 'on-time', at: c.stoppedAt };
  if (c.overdue) return { outcome: 'overdue', at: c.lastDay };
  if (c.status === 'ended' && c.stoppedAt !== null && isLate(c.stoppedAt, c.dueAt)) return { outcome: 'overdue', at: c.lastDay };
  return null;
}

function clockFacts(d: Dims, clocks: readonly CaseClock[]): KpiFact[] {
  const facts: KpiFact[] = [];
  for (const c of clocks) {
    const metric = isAcceptanceClock(c) ? 'acceptance' : isReplyClock(c) ? 'reply' : null;
    const done = metric === null ? null : dutyOutcome(c);
    if (metric === null || done === null) continue;
    facts.push(fact(d, `${metric}/${c.id}`, metric, done.outcome, c.unitId, done.at));
    if (metric === 'reply' && done.outcome === 'on-time' && shanghaiDateOf(done.at) === c.lastDay) {
      facts.push(fact(d, `reply-last-day/${c.id}`, 'reply-last-day', 'on-time', c.unitId, done.at));
    }
  }
  return facts;
}

function resolutionOutcome(state: CaseState): string {
  if (state.status === 'withdrawn') return 'withdrawn';
  if (state.status !== 'closed' && state.status !== 'finalized') return 'open';
  const reviewed = state.stages.original?.nextStageRequestedAt != null || state.stages.review?.openedAt != null;
  return reviewed ? 'later' : 'once';
}

/**
 * The facts a case's state gives (recomputed after each of its events; the same state gives the same facts): its
 * volume, its duty clocks' outcomes (`clocks`: clockHistory of the state), its replies and its resolution.
 */
export function caseKpiFacts(state: CaseState, clocks: readonly CaseClock[]): KpiFact[] {
  if (state.registeredAt === null || state.receivingUnitId === null) return [];
  const d = dimsOf(state);
  const received = state.receivedAt ?? state.registeredAt;
  const facts: KpiFact[] = [fact(d, 'volume', 'volume', 'case', state.receivingUnitId, received)];
  if (state.flags.skipLevel) facts.push(fact(d, 'skip-level', 'skip-level', 'case', state.receivingUnitId, received));
  if (state.flags.collective) facts.push(fact(d, 'collective', 'collective', 'case', state.receivingUnitId, received));
  if (state.flags.repeatOf !== null) facts.push(fact(d, 'repeat', 'repeat', 'case', state.receivingUnitId, received));
  facts.push(...clockFacts(d, clocks));
  for (const stage of ['original', 'review', 're-review'] as const) {
    const record = state.stages[stage];
    if (record?.repliedAt && record.reply) {
      facts.push(fact(d, `replied/${stage}`, 'replied', stage, ratedUnitOf(state, stage, 'handling-unit', record.reply.unitId), record.repliedAt));
    }
  }
  const original = state.stages.original;
  if (original?.acceptedAt && original.acceptedByUnitId) {
    facts.push(fact(d, 'resolution', 'resolution', resolutionOutcome(state), original.acceptedByUnitId, received));
  }
  return facts;
}

/**
 * The facts one event gives by itself (keyed by the event, or by what it rates): 转送/交办, 退回, 督办, 催办, and the
 * rating as the fold kept it (a citizen's own rating replaces a staff callback's under the same key).
 */
export function eventKpiFacts(event: AnyCaseEvent, after: CaseState): KpiFact[] {
  if (after.registeredAt === null) return [];
  const d = dimsOf(after);
  const at = event.occurredAt;
  switch (event.type) {
    case 'case.dispatched': {
      const p = event.payload;
      return [
        fact(d, `dispatch-sent/${event.id}`, 'dispatch-sent', p.mode, p.fromUnitId, at),
        fact(d, `dispatch-received/${event.id}`, 'dispatch-received', p.mode, p.toUnitId, at),
      ];
    }
    case 'case.objection-raised':
      return [fact(d, `objection/${event.id}`, 'objection', 'raised', event.payload.unitId, at)];
    case 'case.supervision-order-issued':
      return [fact(d, `order/${event.payload.orderId}`, 'order', event.payload.trigger, event.payload.unitId, at)];
    case 'case.deadline-warning':
      return [fact(d, `reminder/${event.id}`, 'reminder', 'any', event.payload.unitId, at)];
    case 'petition.rated': {
      const p = event.payload;
      const record = after.stages[p.stage];
      // The fold keeps one rating per stage and subject: count what it kept (an ignored rating changes nothing).
      if (record?.ratings[p.subject] !== p.score || record.ratedBy[p.subject] !== p.enteredBy) return [];
      const unitId = ratedUnitOf(after, p.stage, p.subject, p.unitId);
      return [
        fact(d, `rating/${p.stage}/${p.subject}`, `rating-${p.subject}`, p.score, unitId, at),
        fact(d, `rating-entry/${p.stage}/${p.subject}`, 'rating-entry', p.enteredBy, unitId, at),
      ];
    }
    default:
      return [];
  }
}
