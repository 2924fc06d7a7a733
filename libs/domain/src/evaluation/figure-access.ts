import { divisionContains } from '../org';
import { type CaseViewer, TERRITORY_OVERSEER_KINDS } from '../visibility';

/** Whose figures are asked for: a territory's (by the place of its cases) or a unit's. */
export type FigureSubject =
  | { readonly kind: 'territory'; readonly division: string }
  | { readonly kind: 'unit'; readonly unitId: string; readonly division: string | null };

/**
 * Who may read figures (the aggregates only; the cases behind a figure follow the case visibility rule): a unit its own;
 * an overseer of a territory (a bureau, a government, a party committee) every territory and unit inside its own.
 */
export function mayReadFigures(viewer: CaseViewer, subject: FigureSubject): boolean {
  if (subject.kind === 'unit' && subject.unitId === viewer.unitId) return true;
  if (viewer.kind === null || !TERRITORY_OVERSEER_KINDS.includes(viewer.kind)) return false;
  return subject.division !== null && divisionContains(viewer.divisionCode, subject.division);
}
