import type { DispatchMode, OrgUnitSnapshot, UnitId } from '@sunshine/contracts';

import type { KnownClockKind } from '../deadlines';
import { BUREAU_KINDS } from '../org';

export interface MatchedRule {
  id: string;
  version: number;
}

/** Send the case to `unitId` (the `case.dispatched` payload's to/mode/rule/reasons). */
export interface DispatchDecision {
  manual: false;
  unitId: UnitId;
  mode: DispatchMode;
  /** The clock the dispatch starts that matters most here: dispatch (a bureau), acceptance, or 交办 feedback. */
  clock: KnownClockKind;
  /** Every clock the dispatch starts for the receiving unit. */
  clocks: KnownClockKind[];
  rule: MatchedRule;
  /** Why, in words a clerk reads (zh-CN). */
  reasons: string[];
}

/** No rule settles it: a person at the dispatch desk decides (`case.manual-dispatch-required`). */
export interface ManualDecision {
  manual: true;
  rule: MatchedRule | null;
  reasons: string[];
}

export type RoutingDecision = DispatchDecision | ManualDecision;

/** Clocks a dispatch starts: a bureau must dispatch on (Art 22); a handling unit must accept or object (Art 23). */
export function clocksForDispatch(target: OrgUnitSnapshot, mode: DispatchMode): Pick<DispatchDecision, 'clock' | 'clocks'> {
  if (BUREAU_KINDS.includes(target.kind)) return { clock: 'dispatch', clocks: ['dispatch'] };
  if (mode === 'assign') return { clock: 'assignment-feedback', clocks: ['acceptance', 'objection', 'assignment-feedback'] };
  return { clock: 'acceptance', clocks: ['acceptance', 'objection'] };
}
