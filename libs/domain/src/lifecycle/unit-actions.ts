import type { ClockContext } from '../deadlines/clock-record';
import { objectionWindow } from '../deadlines/clock-selectors';
import { isLate } from '../deadlines/is-late';
import type { OrgDirectory } from '../org/org-directory';
import type { CaseCommand, CommandName } from './case-command';
import type { CaseState } from './case-state';
import { decide } from './decide';
import { isBureau, mayDispatchAny, objectionRefusal } from './dispatch-authority';

/**
 * Who may take each unit action (the roles its endpoint requires), by decide's command name. `reply` is the head's
 * approval (审签) of a drafted reply; `not-accept` is the head's decision too (不予受理, like a reply).
 */
export const UNIT_ACTION_ROLES = {
  dispatch: ['dispatcher', 'head'],
  'require-manual-dispatch': ['dispatcher', 'head'],
  sign: ['clerk', 'head'],
  'assign-handler': ['head'],
  accept: ['handler', 'head'],
  'not-accept': ['head'],
  'raise-objection': ['handler', 'head'],
  'approve-objection': ['dispatcher', 'head'],
  'reject-objection': ['dispatcher', 'head'],
  'add-assisting-unit': ['head'],
  'contribute-assist': ['handler', 'head'],
  'start-handling': ['handler', 'head'],
  'start-hearing': ['handler', 'head'],
  'end-hearing': ['handler', 'head'],
  'request-extension': ['handler', 'head'],
  'approve-extension': ['head'],
  'reject-extension': ['head'],
  'submit-assignment-report': ['handler', 'head'],
  reply: ['head'],
  'serve-reply': ['clerk', 'handler', 'head'],
  close: ['head'],
  finalize: ['head'],
} as const satisfies Partial<Record<CommandName, readonly string[]>>;

/** A command a unit's staff take through an endpoint (the others are the system's, intake's or supervision's). */
export type UnitAction = keyof typeof UNIT_ACTION_ROLES;
export const UNIT_ACTIONS = Object.keys(UNIT_ACTION_ROLES) as readonly UnitAction[];

/** The person asking: their unit, their identity-provider subject and their roles. */
export interface ActionCaller {
  readonly unitId: string;
  readonly subject: string;
  readonly roles: readonly string[];
}

/** What besides the case the answer reads. */
export interface ActionContext {
  readonly directory: OrgDirectory;
  /** The clocks in force and now: a lapsed objection period (Art 23) takes `raise-objection` away. */
  readonly clocks: ClockContext;
  /** The stage's reply draft: none (nothing to approve) or who wrote it (who may not approve it: four eyes). */
  readonly replyDraft: { readonly draftedBy: string } | null;
}

/**
 * The actions `caller` can take on the case now, exactly: the endpoint's roles, the unit's authority (only a bureau
 * dispatches and decides objections: dispatchAuthority) and decide's verdict on the command the endpoint would send.
 * A listed action succeeds for that caller; an unlisted one is refused.
 */
export function allowedActions(state: CaseState, caller: ActionCaller, ctx: ActionContext): UnitAction[] {
  return UNIT_ACTIONS.filter((action) => mayTake(state, caller, ctx, action));
}

function mayTake(state: CaseState, caller: ActionCaller, ctx: ActionContext, action: UnitAction): boolean {
  const roles: readonly string[] = UNIT_ACTION_ROLES[action];
  if (!caller.roles.some((r) => roles.includes(r))) return false;
  if (!authorised(state, caller, ctx, action)) return false;
  return decide(state, probe(state, caller, action, ctx)).ok;
}

/** The unit's authority and the checks the action's service makes beside decide. */
function authorised(state: CaseState, caller: ActionCaller, ctx: ActionContext, action: UnitAction): boolean {
  const unit = ctx.directory.get(caller.unitId);
  switch (action) {
    case 'dispatch':
      return mayDispatchAny(state, unit, ctx.directory);
    case 'require-manual-dispatch':
    case 'approve-objection':
    case 'reject-objection':
      return isBureau(unit);
    case 'raise-objection': {
      if (objectionRefusal(state, ctx.directory) !== null) return false;
      const period = objectionWindow(state, ctx.clocks);
      return !(period && isLate(ctx.clocks.asOf, period));
    }
    case 'reply':
      return ctx.replyDraft !== null && ctx.replyDraft.draftedBy !== caller.subject;
    default:
      return true;
  }
}

const PROBE_UNIT = '000000000000:probe';
const PROBE_REASON = { code: 'probe', text: 'probe' };

/** The command the action's endpoint would send for the caller (minimal valid values where the person chooses). */
function probe(state: CaseState, caller: ActionCaller, action: UnitAction, ctx: ActionContext): CaseCommand {
  const unitId = caller.unitId;
  switch (action) {
    case 'dispatch':
      return {
        name: action,
        payload: {
          fromUnitId: unitId,
          toUnitId: PROBE_UNIT,
          mode: 'forward',
          rule: { id: 'manual-desk', version: 0 },
          reasons: ['probe'],
          hop: (state.lastDispatch?.hop ?? 0) + 1,
        },
      };
    case 'require-manual-dispatch':
      return { name: action, payload: { unitId, reason: { code: 'no-rule-matched' } } };
    case 'assign-handler':
      return { name: action, payload: { unitId, handlerId: caller.subject } };
    case 'not-accept':
      return { name: action, payload: { unitId, reason: PROBE_REASON, properChannel: 'competent-organ' } };
    case 'raise-objection':
      return { name: action, payload: { unitId, reason: PROBE_REASON } };
    case 'request-extension':
      return { name: action, payload: { unitId, days: 1, reason: PROBE_REASON } };
    case 'approve-objection':
    case 'reject-objection':
      return { name: action, payload: { bureauUnitId: unitId, reason: PROBE_REASON } };
    case 'add-assisting-unit':
      return { name: action, payload: { unitId, assistingUnitId: PROBE_UNIT } };
    case 'contribute-assist':
      return { name: action, payload: { unitId, documentRef: 'probe' } };
    case 'approve-extension':
      return { name: action, payload: { unitId, days: state.stages[state.stage]?.pendingExtensionDays ?? 1, approvedBy: caller.subject } };
    case 'reject-extension':
      return { name: action, payload: { unitId, rejectedBy: caller.subject, reason: PROBE_REASON } };
    case 'submit-assignment-report':
      return { name: action, payload: { unitId, reportRef: 'probe' } };
    case 'reply':
      return { name: action, payload: { unitId, outcome: 'explained', replyDocumentRef: 'probe', approvedBy: caller.subject } };
    case 'serve-reply':
      return { name: action, payload: { unitId, servedAt: new Date(ctx.clocks.asOf).toISOString(), method: 'in-person' } };
    case 'close':
      return { name: action, payload: { unitId, reason: { code: 'other' } } };
    default:
      return { name: action, payload: { unitId } };
  }
}
