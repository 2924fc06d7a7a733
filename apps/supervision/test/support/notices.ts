/** The notices the ledger raises, as `world.notices()` / `CaseScript.notices()` print them: `<type> <clock> <dueAt>`. */
export const W = 'case.deadline-warning';
export const O = 'case.overdue';
export const X = 'case.window-expired';

export const NOTICE_TYPES: readonly string[] = [W, O, X];
