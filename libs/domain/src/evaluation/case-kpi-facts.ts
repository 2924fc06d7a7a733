import type { AnyCaseEvent, PayloadOf, RatingSubject, Stage } from '@sunshine/contracts';

import { shanghaiDateOf } from '../calendar';
import { type CaseClock, clockRuleFor, isLate } from '../deadlines';
import type { CaseState } from '../lifecycle/case-state';
import type { KpiFact, KpiMetric } from './kpi-fact';

const satisfiedBy = (kind: string, event: string): boolean => clockRuleFor(kind).satisfiedBy.some((m) => m.event === event);
/** The unit's decision on a received case (Art 23), not the bureau's dispatch clock (also ended by an acceptance). */
const isAcceptanceClock = (c: CaseClock): boolean => satisfiedBy(c.kind, 'case.accepted') && !satisfiedBy(c.kind, 'case.dispatched');
/** A duty that ends with the stage's written reply (Art 34–36, 12345 handling). */
const isReplyClock = (c: CaseClock): boolean => c.onDue.kind === 'overdue' && satisfiedBy(c.kind, 'case.replied');

/**
 * Whether a case counts in the shared figures: an accusation (检举控告) or a case flagged confidential does not, since a
 * count in a territory's or a unit's figures would tell the accused unit, which must learn nothing of it (Art 30, 46).
 */
export function countedInFigures(state: CaseState): boolean {
  return state.type !== 'accusation' && !state.flags.confidential;
}

/**
 * The unit rated for a stage (谁初次办理、谁接受评价): for the handling unit, the first unit that accepted the stage, else
 * the unit named; for the bureau, the unit named.
 */
export function ratedUnitOf(state: CaseState, stage: Stage, subject: RatingSubject, named: string): string {
  if (subject === 'bureau') return named;
  return state.stages[stage]?.acceptedByUnitId ?? named;
}

/**
 * True when the fold kept this rating (one per stage and subject; a citizen's own replaces a staff callback's): a rating
 * the fold ignored counts for nothing.
 */
export function ratingKept(after: CaseState, p: PayloadOf<'petition.rated'>): boolean {
  const record = after.stages[p.stage];
  return record?.ratings[p.subject] === p.score && record.ratedBy[p.subject] === p.enteredBy;
}

type Dims = Pick<KpiFact, 'division' | 'channel' | 'category' | 'persons'>;
const dimsOf = (s: CaseState): Dims => ({
  division: s.placeCode ?? '',
  channel: s.channel ?? '',
  category: s.category ?? '',
  persons: s.headCount,
});
const fact = (d: Dims, key: string, metric: KpiMetric, outcome: string, unitId: string, at: string): KpiFact => ({
  key,
  metric,
  outcome,
  unitId,
  day: at.length === 10 ? at : shanghaiDateOf(at),
  ...d,
});

/** A duty clock's outcome: done on time or late, or overdue (running past its due, or superseded after it). */
function dutyOutcome(c: CaseClock): { outcome: 'on-time' | 'late' | 'overdue'; at: string } | null {
  if (c.status === 'satisfied' && c.stoppedAt !== null) return { outcome: c.late ? 'late' : 'on-time', at: c.stoppedAt };
  if (c.overdue) return { outcome: 'overdue', at: c.lastDay };
  if (c.status === 'ended' && c.stoppedAt !== null && isLate(c.stoppedAt, c)) return { outcome: 'overdue', at: c.lastDay };
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

/** The end of the case (closed or finalized: resolved; withdrawn), in the stage it ended in, or null while it runs. */
function endOf(state: CaseState): { outcome: 'resolved' | 'withdrawn'; at: string } | null {
  if (state.status !== 'closed' && state.status !== 'finalized' && state.status !== 'withdrawn') return null;
  const at = state.stages[state.stage]?.endedAt ?? state.lastEventAt;
  if (at === null) return null;
  return { outcome: state.status === 'withdrawn' ? 'withdrawn' : 'resolved', at };
}

/** How the original reply was settled: accepted by the petitioner (closed in the original stage) or contested (复查). */
function settlementOf(state: CaseState, end: ReturnType<typeof endOf>): { outcome: 'once' | 'reviewed'; at: string } | null {
  const requested = state.stages.original?.nextStageRequestedAt ?? state.stages.review?.openedAt ?? null;
  if (requested) return { outcome: 'reviewed', at: requested };
  if (end?.outcome === 'resolved' && state.stage === 'original' && state.stages.original?.repliedAt) return { outcome: 'once', at: end.at };
  return null;
}

/**
 * The facts a case's state gives (recomputed after each of its events; the same state gives the same facts): its
 * volume, its duty clocks' outcomes (`clocks`: clockHistory of the state), its replies, how the original reply was
 * settled and how the case ended (both at the unit that first accepted it).
 */
export function caseKpiFacts(state: CaseState, clocks: readonly CaseClock[]): KpiFact[] {
  if (state.registeredAt === null || state.receivingUnitId === null || !countedInFigures(state)) return [];
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
      facts.push(
        fact(d, `replied/${stage}`, 'replied', stage, ratedUnitOf(state, stage, 'handling-unit', record.reply.unitId), record.repliedAt),
      );
    }
  }
  const rated = state.stages.original?.acceptedByUnitId;
  if (rated) {
    const end = endOf(state);
    const settled = settlementOf(state, end);
    if (settled) facts.push(fact(d, 'settlement', 'settlement', settled.outcome, rated, settled.at));
    if (end) facts.push(fact(d, 'resolution', 'resolution', end.outcome, rated, end.at));
  }
  return facts;
}

/**
 * The facts one event gives by itself (keyed by the event, or by what it rates): 转送/交办, 退回, 督办, 催办, and the
 * rating as the fold kept it (a citizen's own rating replaces a staff callback's under the same key).
 */
export function eventKpiFacts(event: AnyCaseEvent, after: CaseState): KpiFact[] {
  if (after.registeredAt === null || !countedInFigures(after)) return [];
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
    case 'petition.registered': {
      const s = event.payload.suggestion;
      return s ? [fact(d, 'suggestion', 'suggestion', s.accepted ? 'accepted' : 'changed', event.payload.receivingUnitId, at)] : [];
    }
    case 'petition.rated': {
      const p = event.payload;
      if (!ratingKept(after, p)) return [];
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
