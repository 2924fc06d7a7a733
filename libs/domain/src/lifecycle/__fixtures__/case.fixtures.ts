import type { PayloadOf } from '@sunshine/contracts';

import type { CaseCommand } from '../case-command';
import { type CaseState, initialCaseState } from '../case-state';
import type { DecidedEvent } from '../command-spec';
import { decide } from '../decide';
import { type EvolvableEvent, evolve } from '../evolve';

export const CASE_ID = '0190a6b2-7c3e-7a1b-8c2d-000000000001';
export const OTHER_CASE_ID = '0190a6b2-7c3e-7a1b-8c2d-000000000002';
export const ORDER_ID = '0190a6b2-7c3e-7a1b-8c2d-0000000000aa';
export const PETITIONER = '0190a6b2-7c3e-7a1b-8c2d-0000000000bb';

/** 延津县 units: the county bureau, a department, a township, and the levels above. */
export const BUREAU = '410726000000:petition-bureau';
export const DEPT = '410726000000:dept-hrss';
export const TOWN = '410726100000:government';
export const COUNTY = '410726000000:government';
export const CITY = '410700000000:government';
export const CITY_BUREAU = '410700000000:petition-bureau';

export const T0 = '2025-03-03T01:00:00.000Z';

export function registeredPayload(over: Partial<PayloadOf<'petition.registered'>> = {}): PayloadOf<'petition.registered'> {
  return {
    caseNumber: '4107262025000001',
    channel: 'visit',
    form: { kind: 'individual' },
    type: 'claim',
    category: 'labour',
    placeCode: '410726100000',
    receivingUnitId: BUREAU,
    receivedAt: T0,
    registeredAt: T0,
    petitionerRef: PETITIONER,
    flags: { skipLevel: false, confidential: false, lawsuit: false },
    attachmentCount: 0,
    ...over,
  };
}

const reason = { code: 'test', text: '测试' };

/** Ready-made commands of a typical case, by step. */
export const commands = {
  register: (over: Partial<PayloadOf<'petition.registered'>> = {}): CaseCommand => ({
    name: 'register',
    payload: registeredPayload(over),
  }),
  dispatch: (fromUnitId: string, toUnitId: string, mode: 'forward' | 'assign' = 'forward', hop = 1): CaseCommand => ({
    name: 'dispatch',
    payload: { fromUnitId, toUnitId, mode, rule: { id: 'rule-1', version: 1 }, reasons: ['属地：延津县'], hop },
  }),
  sign: (unitId: string): CaseCommand => ({ name: 'sign', payload: { unitId } }),
  accept: (unitId: string, claimRoute?: 'petition' | 'litigation'): CaseCommand => ({
    name: 'accept',
    payload: claimRoute ? { unitId, claimRoute } : { unitId },
  }),
  notAccept: (unitId: string): CaseCommand => ({
    name: 'not-accept',
    payload: { unitId, reason: { code: 'repeat-in-time-limit' }, properChannel: 'already-in-handling' },
  }),
  raiseObjection: (unitId: string): CaseCommand => ({ name: 'raise-objection', payload: { unitId, reason } }),
  approveObjection: (bureauUnitId: string): CaseCommand => ({ name: 'approve-objection', payload: { bureauUnitId } }),
  rejectObjection: (bureauUnitId: string): CaseCommand => ({ name: 'reject-objection', payload: { bureauUnitId, reason } }),
  startHandling: (unitId: string): CaseCommand => ({ name: 'start-handling', payload: { unitId } }),
  requestExtension: (unitId: string, days: number): CaseCommand => ({
    name: 'request-extension',
    payload: { unitId, days, reason },
  }),
  approveExtension: (unitId: string, days: number): CaseCommand => ({
    name: 'approve-extension',
    payload: { unitId, days, approvedBy: 'head-1' },
  }),
  reply: (unitId: string, approvedBy = 'head-1'): CaseCommand => ({
    name: 'reply',
    payload: { unitId, outcome: 'not-supported', replyDocumentRef: 'routing:reply:1', approvedBy },
  }),
  serve: (unitId: string, servedAt = '2025-04-01T02:00:00.000Z'): CaseCommand => ({
    name: 'serve-reply',
    payload: { unitId, servedAt, method: 'post' },
  }),
  requestReview: (stage: 'review' | 're-review', requestedAt = '2025-04-10T02:00:00.000Z'): CaseCommand => ({
    name: 'request-review',
    payload: { stage, requestedAt },
  }),
  openStage: (stage: 'review' | 're-review', unitId: string): CaseCommand => ({
    name: 'open-stage',
    payload: { stage, unitId },
  }),
  close: (unitId: string): CaseCommand => ({ name: 'close', payload: { unitId, reason: { code: 'window-passed' } } }),
  finalize: (unitId: string): CaseCommand => ({ name: 'finalize', payload: { unitId } }),
  rate: (
    stage: 'original' | 'review' | 're-review',
    unitId: string,
    score: 'satisfied' | 'basically-satisfied' | 'dissatisfied' = 'satisfied',
    enteredBy: 'citizen' | 'staff-callback' = 'citizen',
  ): CaseCommand => ({
    name: 'rate',
    payload: { stage, subject: 'handling-unit', unitId, score, enteredBy },
  }),
  withdraw: (): CaseCommand => ({ name: 'withdraw', payload: {} }),
};

let sequence = 0;

/** Wraps a decided event as a consumer would receive it (envelope fields evolve reads). */
export function envelope(decided: DecidedEvent, seq = ++sequence): EvolvableEvent {
  const id = `0190a6b2-7c3e-7a1b-8c2d-${String(seq).padStart(12, '0')}`;
  const occurredAt = new Date(Date.parse(T0) + seq * 3_600_000).toISOString();
  return { id, type: decided.type, version: 1, occurredAt, caseId: CASE_ID, payload: decided.payload };
}

/**
 * Decides one command and applies its events, each wrapped by `wrap`, as a service would; throws on a refusal or a
 * skipped event (a test bug).
 */
export function decideAndApply(state: CaseState, command: CaseCommand, wrap: (decided: DecidedEvent) => EvolvableEvent) {
  const decision = decide(state, command);
  if (!decision.ok) {
    throw new Error(`${command.name} refused: ${decision.error.code} ${decision.error.details?.join('; ') ?? ''}`);
  }
  const events: EvolvableEvent[] = [];
  for (const decided of decision.events) {
    const wrapped = wrap(decided);
    const result = evolve(state, wrapped);
    if (result.skipped) throw new Error(`skipped ${wrapped.type}: ${result.skipped.reason} ${result.skipped.detail ?? ''}`);
    state = result.state;
    events.push(wrapped);
  }
  return { state, events };
}

/** Decides and applies each command in turn, an hour apart from T0 (see `envelope`). */
export function play(steps: readonly CaseCommand[], from: CaseState = initialCaseState(CASE_ID)) {
  let state = from;
  const events: EvolvableEvent[] = [];
  for (const step of steps) {
    const applied = decideAndApply(state, step, (decided) => envelope(decided));
    state = applied.state;
    events.push(...applied.events);
  }
  return { state, events };
}

/** The steps of an original stage: registered at the bureau, forwarded to the department, answered and served. */
export function answeredSteps(): CaseCommand[] {
  return [
    commands.register(),
    commands.dispatch(BUREAU, DEPT),
    commands.sign(DEPT),
    commands.accept(DEPT, 'petition'),
    commands.startHandling(DEPT),
    commands.reply(DEPT),
    commands.serve(DEPT),
  ];
}

/** Up to a re-review accepted at the city: the original answered, reviewed by the county, re-review opened at the city. */
export function reReviewAcceptedSteps(): CaseCommand[] {
  return [
    ...answeredSteps(),
    commands.requestReview('review'),
    commands.openStage('review', COUNTY),
    commands.sign(COUNTY),
    commands.accept(COUNTY),
    commands.reply(COUNTY),
    commands.serve(COUNTY),
    commands.requestReview('re-review'),
    commands.openStage('re-review', CITY),
    commands.sign(CITY),
    commands.accept(CITY),
  ];
}
