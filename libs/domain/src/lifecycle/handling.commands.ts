import { MAX_EXTENSION_DAYS } from '@sunshine/contracts';

import type { CommandOf } from './case-command';
import { assignmentOwedBy, stageRecord } from './case-selectors';
import type { CaseState } from './case-state';
import { event, notHolder, type Outcome, refuse, type SpecTable, type StatusKey } from './command-spec';

type HandlingCommand =
  | 'add-assisting-unit'
  | 'contribute-assist'
  | 'start-handling'
  | 'start-hearing'
  | 'end-hearing'
  | 'request-extension'
  | 'approve-extension'
  | 'reject-extension'
  | 'submit-assignment-report'
  | 'reply'
  | 'serve-reply';

const HANDLING: readonly StatusKey[] = ['accepted', 'in-progress'];

/** Routing's commands while the unit handles the case: 协办, 听证, 延期 (Art 34), 办结报告 (Art 22), 答复 and 送达. */
export const handlingCommands: SpecTable<HandlingCommand> = {
  'add-assisting-unit': { from: HANDLING, run: addAssistingUnit },
  'contribute-assist': { from: HANDLING, run: contributeAssist },
  'start-handling': {
    from: ['accepted'],
    run: (s, c) => notHolder(s, c.payload.unitId) ?? [event('case.handling-started', c.payload)],
  },
  'start-hearing': {
    from: ['in-progress'],
    run: (s, c) =>
      notHolder(s, c.payload.unitId) ??
      (s.flags.hearingPaused ? refuse('HEARING_IN_PROGRESS') : [event('case.hearing-started', c.payload)]),
  },
  'end-hearing': {
    from: ['in-progress'],
    run: (s, c) =>
      notHolder(s, c.payload.unitId) ?? (s.flags.hearingPaused ? [event('case.hearing-ended', c.payload)] : refuse('NO_HEARING')),
  },
  'request-extension': { from: HANDLING, run: requestExtension },
  'approve-extension': { from: HANDLING, run: approveExtension },
  'reject-extension': {
    from: HANDLING,
    run: (s, c) =>
      notHolder(s, c.payload.unitId) ??
      (stageRecord(s).pendingExtensionDays === null ? refuse('NO_PENDING_EXTENSION') : [event('case.extension-rejected', c.payload)]),
  },
  'submit-assignment-report': { from: ['not-accepted', 'replied', 'closed', 'finalized'], run: submitAssignmentReport },
  reply: { from: HANDLING, run: reply },
  // A reply may be served after the case closed or was finalized (e.g. a mailed 复核意见书).
  'serve-reply': { from: ['replied', 'closed', 'finalized'], run: serveReply },
};

function addAssistingUnit(state: CaseState, command: CommandOf<'add-assisting-unit'>): Outcome {
  const p = command.payload;
  const refusal = notHolder(state, p.unitId);
  if (refusal) return refusal;
  if (p.assistingUnitId === p.unitId) return refuse('INVALID_COMMAND', 'the lead unit cannot assist itself');
  if (state.assistingUnitIds.includes(p.assistingUnitId)) return refuse('NO_CHANGE');
  return [event('case.assisting-unit-added', p)];
}

function contributeAssist(state: CaseState, command: CommandOf<'contribute-assist'>): Outcome {
  if (!state.assistingUnitIds.includes(command.payload.unitId)) return refuse('NOT_ASSISTING_UNIT');
  if (state.holdingUnitId === null) return refuse('INVALID_COMMAND', 'no lead unit');
  return [event('case.assist-contributed', { ...command.payload, leadUnitId: state.holdingUnitId })];
}

/** Art 34: at most 30 days in total, one request at a time. */
function requestExtension(state: CaseState, command: CommandOf<'request-extension'>): Outcome {
  const refusal = notHolder(state, command.payload.unitId);
  if (refusal) return refusal;
  const record = stageRecord(state);
  if (record.pendingExtensionDays !== null) return refuse('EXTENSION_PENDING');
  if (record.extensionDays + command.payload.days > MAX_EXTENSION_DAYS) {
    return refuse('EXTENSION_TOO_LONG', `already extended by ${record.extensionDays} days`);
  }
  return [event('case.extension-requested', command.payload)];
}

function approveExtension(state: CaseState, command: CommandOf<'approve-extension'>): Outcome {
  const refusal = notHolder(state, command.payload.unitId);
  if (refusal) return refusal;
  const record = stageRecord(state);
  if (record.pendingExtensionDays === null) return refuse('NO_PENDING_EXTENSION');
  if (command.payload.days > record.pendingExtensionDays) {
    return refuse('INVALID_COMMAND', `only ${record.pendingExtensionDays} days were requested`);
  }
  if (record.extensionDays + command.payload.days > MAX_EXTENSION_DAYS) {
    return refuse('EXTENSION_TOO_LONG', `already extended by ${record.extensionDays} days`);
  }
  return [event('case.extension-approved', command.payload)];
}

/**
 * 交办 only: the unit the case was assigned to reports to the unit that assigned it, once per assignment (a township
 * assigned by the county bureau that assigns on to a village owes the bureau its own report).
 */
function submitAssignmentReport(state: CaseState, command: CommandOf<'submit-assignment-report'>): Outcome {
  const owed = assignmentOwedBy(state, command.payload.unitId);
  if (owed === null) return refuse('NOT_ASSIGNED_CASE');
  if (owed === 'reported') return refuse('ALREADY_REPORTED');
  return [event('case.assignment-report-submitted', { ...command.payload, bureauUnitId: owed.bureauUnitId })];
}

/** The written reply needs the head's approval (审签) and cannot go out while a hearing runs. */
function reply(state: CaseState, command: CommandOf<'reply'>): Outcome {
  const refusal = notHolder(state, command.payload.unitId);
  if (refusal) return refusal;
  const approvedBy: unknown = command.payload.approvedBy;
  if (typeof approvedBy !== 'string' || approvedBy.trim() === '') return refuse('REPLY_NOT_APPROVED');
  if (state.flags.hearingPaused) return refuse('HEARING_IN_PROGRESS');
  return [event('case.replied', { ...command.payload, stage: state.stage })];
}

function serveReply(state: CaseState, command: CommandOf<'serve-reply'>): Outcome {
  const record = stageRecord(state);
  if (record.reply === null) return refuse('NOT_REPLIED');
  if (record.reply.unitId !== command.payload.unitId) {
    return refuse('NOT_HOLDING_UNIT', `replying unit: ${record.reply.unitId}`);
  }
  if (record.servedAt !== null) return refuse('ALREADY_SERVED');
  return [event('case.reply-served', command.payload)];
}
