import { EventCatalog } from '@sunshine/contracts';

import type { CaseCommand, CommandName } from './case-command';
import type { CaseState } from './case-state';
import { type CommandSpec, type DecidedEvent, isRefusal, type SpecTable, type StatusKey, statusKey } from './command-spec';
import { type DecisionError, type DecisionErrorCode, DecisionMessages } from './decision-error';
import { dispatchCommands } from './dispatch.commands';
import { handlingCommands } from './handling.commands';
import { intakeCommands } from './intake.commands';
import { stageCommands } from './stage.commands';
import { supervisionCommands } from './supervision.commands';

export type Decision =
  { readonly ok: true; readonly events: readonly DecidedEvent[] } | { readonly ok: false; readonly error: DecisionError };

/** The one transition definition: every command with its allowed statuses and rules. */
const specs: SpecTable<CommandName> = {
  ...intakeCommands,
  ...dispatchCommands,
  ...handlingCommands,
  ...stageCommands,
  ...supervisionCommands,
};

/** Every command name decide knows. */
export const CommandNames = Object.keys(specs) as readonly CommandName[];

/**
 * Decides a command against the case's current state (DESIGN §4, strict): either the events to emit, or a coded
 * refusal, and nothing to emit. Checks the status first (ILLEGAL_TRANSITION), then the command's rules, then every
 * emitted payload against its contract (INVALID_COMMAND; unknown fields are dropped). Never throws.
 */
export function decide(state: CaseState, command: CaseCommand): Decision {
  const spec: CommandSpec<CaseCommand> | undefined = Object.prototype.hasOwnProperty.call(specs, command.name)
    ? (specs[command.name] as CommandSpec<CaseCommand>)
    : undefined;
  if (spec === undefined) {
    return refused(state, command.name, 'INVALID_COMMAND', [`unknown command ${String(command.name)}`]);
  }
  const payload: unknown = command.payload;
  if (typeof payload !== 'object' || payload === null) {
    return refused(state, command.name, 'INVALID_COMMAND', ['no payload']);
  }
  if (!spec.from.includes(statusKey(state))) return refused(state, command.name, 'ILLEGAL_TRANSITION');
  const outcome = spec.run(state, command);
  if (isRefusal(outcome)) return refused(state, command.name, outcome.refuse, outcome.details);
  const events: DecidedEvent[] = [];
  for (const decided of outcome) {
    const parsed = EventCatalog[decided.type].payload.safeParse(decided.payload);
    if (!parsed.success) {
      const details = parsed.error.issues.map((i) => `${decided.type} ${i.path.join('.')}: ${i.message}`);
      return refused(state, command.name, 'INVALID_COMMAND', details);
    }
    events.push({ type: decided.type, payload: parsed.data } as DecidedEvent);
  }
  return { ok: true, events };
}

/** The commands allowed in a status (null: before registration), e.g. for the buttons a unit's inbox shows. */
export function allowedCommands(status: StatusKey | null): CommandName[] {
  const key = status ?? 'none';
  return CommandNames.filter((name) => specs[name].from.includes(key));
}

function refused(state: CaseState, command: CommandName, code: DecisionErrorCode, details?: readonly string[]): Decision {
  const error: DecisionError = {
    code,
    status: state.status,
    command,
    message: DecisionMessages[code],
    ...(details && details.length > 0 ? { details } : {}),
  };
  return { ok: false, error };
}
