import type { LocalDate } from '../calendar';
import type { CaseState } from '../lifecycle/case-state';
import { runningClocks } from './clock-history';
import type { ClockContext } from './clock-record';

/** A deadline warning supervision raised (`case.deadline-warning`): which clock, of which stage and unit, due when. */
export interface RaisedWarning {
  readonly clock: string;
  readonly stage: string;
  readonly unitId: string;
  readonly dueAt: string;
}

/**
 * One duty a unit owes on a case, as its inbox row shows it: `overdue` once the due passed (the clock's own verdict),
 * `warned` once supervision warned of this very due (its schedule, not a second one here), else `running`.
 */
export interface UnitDuty {
  readonly clock: string;
  readonly label: string;
  readonly article: string;
  readonly lastDay: LocalDate;
  readonly dueAt: string;
  readonly provisional: boolean;
  readonly state: 'running' | 'warned' | 'overdue';
}

/**
 * The duties `unitId` owes on the case now (its running clocks that end overdue: dispatch, acceptance, handling, 交办
 * feedback, an order's answer …), soonest first, each with its warning state. A warning counts only for the due it
 * was raised for: an extension moves the due and the warning with it.
 */
export function unitDuties(state: CaseState, unitId: string, ctx: ClockContext, warnings: readonly RaisedWarning[]): UnitDuty[] {
  return runningClocks(state, ctx)
    .filter((c) => c.unitId === unitId && c.onDue.kind === 'overdue')
    .sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt))
    .map((c) => {
      const warned = warnings.some(
        (w) => w.clock === c.kind && w.stage === c.stage && w.unitId === c.unitId && Date.parse(w.dueAt) === Date.parse(c.dueAt),
      );
      return {
        clock: c.kind,
        label: c.label,
        article: c.article,
        lastDay: c.lastDay,
        dueAt: c.dueAt,
        provisional: c.provisional,
        state: c.overdue ? 'overdue' : warned ? 'warned' : 'running',
      };
    });
}
