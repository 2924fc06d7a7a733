import type { CaseLogEventType, PayloadOf, Stage } from '@sunshine/contracts';

import { type CaseFlags, type CaseState, emptyStageRecord, type StageRecord } from './case-state';

/** What evolve knows of an event besides its payload. */
export interface EventMeta {
  readonly id: string | null;
  readonly occurredAt: string | null;
}

/** One event handler per case-log type: pure, total on a payload that passed its schema. */
export type Evolver<K extends CaseLogEventType> = (state: CaseState, payload: PayloadOf<K>, meta: EventMeta) => CaseState;
export type EvolverTable<K extends CaseLogEventType> = { readonly [T in K]: Evolver<T> };

/** A table of evolvers; its event types are its keys (evolve checks that the tables together cover the case log). */
export function evolverTable<K extends CaseLogEventType>(table: EvolverTable<K>): EvolverTable<K> {
  return table;
}

export function patchStage(state: CaseState, stage: Stage, patch: Partial<StageRecord>): CaseState {
  const current = state.stages[stage] ?? emptyStageRecord;
  return { ...state, stages: { ...state.stages, [stage]: { ...current, ...patch } } };
}

/** Applies `patch(record)` to the stage's record. */
export function updateStage(state: CaseState, stage: Stage, patch: (record: StageRecord) => Partial<StageRecord>): CaseState {
  return patchStage(state, stage, patch(state.stages[stage] ?? emptyStageRecord));
}

export function patchFlags(state: CaseState, patch: Partial<CaseFlags>): CaseState {
  return { ...state, flags: { ...state.flags, ...patch } };
}

/** The unit now holds the case; it joins the units that ever held it. */
export function hold(state: CaseState, unitId: string): CaseState {
  const heldBy = state.heldBy.includes(unitId) ? state.heldBy : [...state.heldBy, unitId];
  return { ...state, holdingUnitId: unitId, heldBy };
}

export function addUnique<T>(list: readonly T[], item: T): readonly T[] {
  return list.includes(item) ? list : [...list, item];
}
