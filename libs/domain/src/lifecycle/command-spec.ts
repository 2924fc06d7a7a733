import { type CaseLogEventType, type CaseStatus, CaseStatuses, type PayloadOf } from '@sunshine/contracts';

import type { CaseCommand, CommandName, CommandOf } from './case-command';
import type { CaseState } from './case-state';
import type { DecisionErrorCode } from './decision-error';

/** A status as the transition table sees it: `none` before registration. */
export type StatusKey = CaseStatus | 'none';

/** An event decide emits, before the service wraps it in an envelope. */
export type DecidedEvent = {
  [K in CaseLogEventType]: { readonly type: K; readonly payload: PayloadOf<K> };
}[CaseLogEventType];

export interface Refusal {
  readonly refuse: DecisionErrorCode;
  readonly details?: readonly string[];
}

export type Outcome = Refusal | readonly DecidedEvent[];

/** One command's rule: the statuses it is allowed in, and what it emits (or why it refuses) once the status fits. */
export interface CommandSpec<C extends CaseCommand> {
  readonly from: readonly StatusKey[];
  readonly run: (state: CaseState, command: C) => Outcome;
}

export type SpecTable<N extends CommandName> = { readonly [K in N]: CommandSpec<CommandOf<K>> };

export const ALL_STATUSES: readonly StatusKey[] = [...CaseStatuses];
export const TERMINAL_STATUSES: readonly CaseStatus[] = ['closed', 'finalized', 'withdrawn'];
export const OPEN_STATUSES: readonly StatusKey[] = CaseStatuses.filter((s) => !TERMINAL_STATUSES.includes(s));

export function statusKey(state: CaseState): StatusKey {
  return state.status ?? 'none';
}

export function refuse(code: DecisionErrorCode, ...details: string[]): Refusal {
  return details.length > 0 ? { refuse: code, details } : { refuse: code };
}

export function isRefusal(outcome: Outcome): outcome is Refusal {
  return !Array.isArray(outcome);
}

export function event<K extends CaseLogEventType>(type: K, payload: PayloadOf<K>): DecidedEvent {
  return { type, payload } as DecidedEvent;
}

/** The acting unit must hold the case. */
export function notHolder(state: CaseState, unitId: string): Refusal | null {
  return state.holdingUnitId === unitId ? null : refuse('NOT_HOLDING_UNIT', `holding unit: ${state.holdingUnitId ?? '-'}`);
}
