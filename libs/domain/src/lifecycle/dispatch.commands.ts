import type { CommandOf } from './case-command';
import type { CaseState } from './case-state';
import { type DecidedEvent, event, notHolder, type Outcome, refuse, type SpecTable } from './command-spec';

type DispatchCommand =
  | 'dispatch'
  | 'require-manual-dispatch'
  | 'sign'
  | 'assign-handler'
  | 'accept'
  | 'not-accept'
  | 'raise-objection'
  | 'approve-objection'
  | 'reject-objection';

/** Routing's commands from registration to acceptance: 转送/交办 (Art 22), 签收, 受理 / 不予受理 and 异议 (Art 23, 24). */
export const dispatchCommands: SpecTable<DispatchCommand> = {
  // A bureau dispatches what it registered or received (forwarded cases go on), even after signing for it.
  dispatch: { from: ['registered', 'dispatched', 'signed'], run: dispatch },
  'require-manual-dispatch': {
    from: ['registered', 'dispatched'],
    run: (s, c) => notHolder(s, c.payload.unitId) ?? [event('case.manual-dispatch-required', c.payload)],
  },
  sign: { from: ['dispatched'], run: (s, c) => notHolder(s, c.payload.unitId) ?? [event('case.signed', c.payload)] },
  'assign-handler': {
    from: ['signed', 'accepted', 'in-progress'],
    run: (s, c) => notHolder(s, c.payload.unitId) ?? [event('case.handler-assigned', c.payload)],
  },
  // `registered`: a unit that registered a direct petition decides at once (当场, Art 23), e.g. an Art 19 repeat.
  accept: { from: ['registered', 'signed'], run: accept },
  'not-accept': {
    from: ['registered', 'signed'],
    run: (s, c) => notHolder(s, c.payload.unitId) ?? [event('case.not-accepted', c.payload)],
  },
  'raise-objection': { from: ['dispatched', 'signed'], run: raiseObjection },
  'approve-objection': {
    from: ['objection-pending'],
    run: (s, c) => decideObjection(s, c.payload.bureauUnitId, (unitId) => event('case.objection-approved', { ...c.payload, unitId })),
  },
  'reject-objection': {
    from: ['objection-pending'],
    run: (s, c) => decideObjection(s, c.payload.bureauUnitId, (unitId) => event('case.objection-rejected', { ...c.payload, unitId })),
  },
};

function dispatch(state: CaseState, command: CommandOf<'dispatch'>): Outcome {
  const p = command.payload;
  const refusal = notHolder(state, p.fromUnitId);
  if (refusal) return refusal;
  if (p.toUnitId === p.fromUnitId) return refuse('INVALID_COMMAND', 'a unit cannot dispatch a case to itself');
  return [event('case.dispatched', { ...p, stage: state.stage })];
}

function accept(state: CaseState, command: CommandOf<'accept'>): Outcome {
  const refusal = notHolder(state, command.payload.unitId);
  if (refusal) return refusal;
  if (command.payload.claimRoute !== undefined && state.type !== 'claim') {
    return refuse('INVALID_COMMAND', 'only claims (申诉求决) take a claim route (Art 31)');
  }
  return [event('case.accepted', command.payload)];
}

/**
 * Art 23: the holding unit objects to the bureau that forwarded the case. A unit whose objection was decided cannot
 * object again (the common superior settles it, Art 24); the second objection on a case, whoever raised it, sends the
 * case to a person at the dispatch desk (objected twice, flagged to supervision as 推诿).
 */
function raiseObjection(state: CaseState, command: CommandOf<'raise-objection'>): Outcome {
  const p = command.payload;
  const refusal = notHolder(state, p.unitId);
  if (refusal) return refusal;
  const forwarder = state.lastDispatch?.fromUnitId;
  const bureauUnitId = p.bureauUnitId ?? forwarder;
  if (bureauUnitId === undefined) return refuse('INVALID_COMMAND', 'no forwarding bureau to decide the objection');
  if (forwarder !== undefined && bureauUnitId !== forwarder) {
    return refuse('NOT_DECIDING_UNIT', `the forwarding bureau is ${forwarder}`);
  }
  if (state.objections.byUnit.includes(p.unitId)) return refuse('OBJECTED_TWICE');
  const events: DecidedEvent[] = [event('case.objection-raised', { ...p, bureauUnitId })];
  if (state.objections.count + 1 >= 2) {
    events.push(event('case.manual-dispatch-required', { unitId: bureauUnitId, reason: { code: 'objected-twice' } }));
  }
  return events;
}

function decideObjection(state: CaseState, bureauUnitId: string, emit: (objectingUnitId: string) => DecidedEvent): Outcome {
  const pending = state.objections.pending;
  if (pending === null) return refuse('INVALID_COMMAND', 'no objection is pending');
  if (pending.bureauUnitId !== bureauUnitId) {
    return refuse('NOT_DECIDING_UNIT', `the deciding bureau is ${pending.bureauUnitId}`);
  }
  return [emit(pending.unitId)];
}
