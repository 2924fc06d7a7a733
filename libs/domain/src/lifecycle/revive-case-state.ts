import { Stages } from '@sunshine/contracts';

import { type CaseState, emptyStageRecord, initialCaseState, type StageRecord } from './case-state';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A stored projection (e.g. a JSON column) as a CaseState: fields a newer CaseState added take their initial values,
 * so a snapshot written by an older deploy keeps evolving. Anything that is not an object gives the empty case.
 * Values are trusted as written by evolve; only missing fields are filled.
 */
export function reviveCaseState(stored: unknown, caseId: string | null = null): CaseState {
  const initial = initialCaseState(caseId);
  if (!isRecord(stored)) return initial;
  const flags = isRecord(stored['flags']) ? stored['flags'] : {};
  const objections = isRecord(stored['objections']) ? stored['objections'] : {};
  const storedStages = isRecord(stored['stages']) ? stored['stages'] : {};
  const stages: Partial<Record<(typeof Stages)[number], StageRecord>> = {};
  for (const stage of Stages) {
    const record = storedStages[stage];
    if (isRecord(record)) stages[stage] = { ...emptyStageRecord, ...record } as StageRecord;
  }
  return {
    ...initial,
    ...stored,
    flags: { ...initial.flags, ...flags },
    objections: { ...initial.objections, ...objections },
    stages: Object.keys(stages).length > 0 ? stages : initial.stages,
    // A projection stored before the clock log existed has none: its clocks are empty until it is rebuilt.
    clockLog: Array.isArray(stored['clockLog']) ? stored['clockLog'] : initial.clockLog,
  } as CaseState;
}
