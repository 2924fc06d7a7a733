import type { PayloadOf } from '@sunshine/contracts';

/**
 * Every command decide knows, by name, with its payload: the payload of the event it emits. The acting unit is the
 * payload's `unitId` (the service checks the caller's token against it). Fields decide takes from the case itself are
 * left out (the stage; the forwarding bureau; the objecting unit; the lead unit; the unit whose reply is reviewed).
 */
export interface CommandPayloads {
  // intake
  register: PayloadOf<'petition.registered'>;
  correct: PayloadOf<'petition.corrected'>;
  merge: PayloadOf<'petition.merged'>;
  'request-review': PayloadOf<'petition.review-requested'>;
  rate: PayloadOf<'petition.rated'>;
  withdraw: PayloadOf<'petition.withdrawn'>;
  'decide-personal-data-request': PayloadOf<'petition.personal-data-request-decided'>;
  // routing: dispatch, receipt, acceptance, objection
  dispatch: Omit<PayloadOf<'case.dispatched'>, 'stage'>;
  'require-manual-dispatch': PayloadOf<'case.manual-dispatch-required'>;
  sign: PayloadOf<'case.signed'>;
  'assign-handler': PayloadOf<'case.handler-assigned'>;
  accept: PayloadOf<'case.accepted'>;
  'not-accept': PayloadOf<'case.not-accepted'>;
  'raise-objection': Omit<PayloadOf<'case.objection-raised'>, 'bureauUnitId'> & { readonly bureauUnitId?: string };
  'approve-objection': Omit<PayloadOf<'case.objection-approved'>, 'unitId'>;
  'reject-objection': Omit<PayloadOf<'case.objection-rejected'>, 'unitId'>;
  // routing: handling and reply
  'add-assisting-unit': PayloadOf<'case.assisting-unit-added'>;
  'contribute-assist': Omit<PayloadOf<'case.assist-contributed'>, 'leadUnitId'>;
  'start-handling': PayloadOf<'case.handling-started'>;
  'start-hearing': PayloadOf<'case.hearing-started'>;
  'end-hearing': PayloadOf<'case.hearing-ended'>;
  'request-extension': PayloadOf<'case.extension-requested'>;
  'approve-extension': PayloadOf<'case.extension-approved'>;
  'reject-extension': PayloadOf<'case.extension-rejected'>;
  'submit-assignment-report': Omit<PayloadOf<'case.assignment-report-submitted'>, 'bureauUnitId'>;
  reply: Omit<PayloadOf<'case.replied'>, 'stage'>;
  'serve-reply': PayloadOf<'case.reply-served'>;
  // routing: stages and ends
  'open-stage': Omit<PayloadOf<'case.stage-opened'>, 'fromUnitId'>;
  close: PayloadOf<'case.closed'>;
  /** 并单: ends a case merged into another (routing, after `petition.merged`). */
  'close-merged': PayloadOf<'case.closed'>;
  finalize: PayloadOf<'case.finalized'>;
  // supervision
  'warn-deadline': PayloadOf<'case.deadline-warning'>;
  'mark-overdue': PayloadOf<'case.overdue'>;
  'expire-window': PayloadOf<'case.window-expired'>;
  'issue-supervision-order': PayloadOf<'case.supervision-order-issued'>;
  'answer-supervision-order': PayloadOf<'case.supervision-order-answered'>;
  /** 催办: the issuing or escalated-to bureau chases the ordered unit on an open order. */
  'remind-supervision-order': PayloadOf<'case.supervision-order-reminded'>;
  escalate: PayloadOf<'case.escalated'>;
  'assign-leader': PayloadOf<'case.leader-assigned'>;
  'register-backlog': PayloadOf<'case.backlog-registered'>;
  'clear-backlog': PayloadOf<'case.backlog-cleared'>;
  'report-up': PayloadOf<'case.reported-up'>;
}

export type CommandName = keyof CommandPayloads;
/** A command: its name and its payload. */
export type CaseCommand = {
  [N in CommandName]: { readonly name: N; readonly payload: CommandPayloads[N] };
}[CommandName];
export type CommandOf<N extends CommandName> = Extract<CaseCommand, { name: N }>;
