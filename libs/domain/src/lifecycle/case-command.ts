import type { CaseLogEventType, PayloadOf } from '@sunshine/contracts';

type P<T extends CaseLogEventType> = PayloadOf<T>;

/**
 * Every command decide knows, each with the payload of the event it emits. The acting unit is the payload's `unitId`
 * (the service checks the caller's token against it). Fields decide takes from the case itself are left out (the
 * stage; the forwarding bureau; the objecting unit; the lead unit; the unit whose reply is reviewed).
 */
export type CaseCommand =
  // intake
  | { readonly name: 'register'; readonly payload: P<'petition.registered'> }
  | { readonly name: 'correct'; readonly payload: P<'petition.corrected'> }
  | { readonly name: 'merge'; readonly payload: P<'petition.merged'> }
  | { readonly name: 'request-review'; readonly payload: P<'petition.review-requested'> }
  | { readonly name: 'rate'; readonly payload: P<'petition.rated'> }
  | { readonly name: 'withdraw'; readonly payload: P<'petition.withdrawn'> }
  // routing: dispatch, receipt, acceptance, objection
  | { readonly name: 'dispatch'; readonly payload: Omit<P<'case.dispatched'>, 'stage'> }
  | { readonly name: 'require-manual-dispatch'; readonly payload: P<'case.manual-dispatch-required'> }
  | { readonly name: 'sign'; readonly payload: P<'case.signed'> }
  | { readonly name: 'assign-handler'; readonly payload: P<'case.handler-assigned'> }
  | { readonly name: 'accept'; readonly payload: P<'case.accepted'> }
  | { readonly name: 'not-accept'; readonly payload: P<'case.not-accepted'> }
  | {
      readonly name: 'raise-objection';
      readonly payload: Omit<P<'case.objection-raised'>, 'bureauUnitId'> & { readonly bureauUnitId?: string };
    }
  | { readonly name: 'approve-objection'; readonly payload: Omit<P<'case.objection-approved'>, 'unitId'> }
  | { readonly name: 'reject-objection'; readonly payload: Omit<P<'case.objection-rejected'>, 'unitId'> }
  // routing: handling and reply
  | { readonly name: 'add-assisting-unit'; readonly payload: P<'case.assisting-unit-added'> }
  | { readonly name: 'contribute-assist'; readonly payload: Omit<P<'case.assist-contributed'>, 'leadUnitId'> }
  | { readonly name: 'start-handling'; readonly payload: P<'case.handling-started'> }
  | { readonly name: 'start-hearing'; readonly payload: P<'case.hearing-started'> }
  | { readonly name: 'end-hearing'; readonly payload: P<'case.hearing-ended'> }
  | { readonly name: 'request-extension'; readonly payload: P<'case.extension-requested'> }
  | { readonly name: 'approve-extension'; readonly payload: P<'case.extension-approved'> }
  | { readonly name: 'reject-extension'; readonly payload: P<'case.extension-rejected'> }
  | {
      readonly name: 'submit-assignment-report';
      readonly payload: Omit<P<'case.assignment-report-submitted'>, 'bureauUnitId'>;
    }
  | { readonly name: 'reply'; readonly payload: Omit<P<'case.replied'>, 'stage'> }
  | { readonly name: 'serve-reply'; readonly payload: P<'case.reply-served'> }
  // routing: stages and ends
  | { readonly name: 'open-stage'; readonly payload: Omit<P<'case.stage-opened'>, 'fromUnitId'> }
  | { readonly name: 'close'; readonly payload: P<'case.closed'> }
  | { readonly name: 'finalize'; readonly payload: P<'case.finalized'> }
  // supervision
  | { readonly name: 'warn-deadline'; readonly payload: P<'case.deadline-warning'> }
  | { readonly name: 'mark-overdue'; readonly payload: P<'case.overdue'> }
  | { readonly name: 'expire-window'; readonly payload: P<'case.window-expired'> }
  | { readonly name: 'issue-supervision-order'; readonly payload: P<'case.supervision-order-issued'> }
  | { readonly name: 'answer-supervision-order'; readonly payload: P<'case.supervision-order-answered'> }
  | { readonly name: 'escalate'; readonly payload: P<'case.escalated'> }
  | { readonly name: 'assign-leader'; readonly payload: P<'case.leader-assigned'> }
  | { readonly name: 'register-backlog'; readonly payload: P<'case.backlog-registered'> }
  | { readonly name: 'clear-backlog'; readonly payload: P<'case.backlog-cleared'> }
  | { readonly name: 'report-up'; readonly payload: P<'case.reported-up'> };

export type CommandName = CaseCommand['name'];
export type CommandOf<N extends CommandName> = Extract<CaseCommand, { name: N }>;
