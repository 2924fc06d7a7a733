import { shanghai } from '../../time';

/** The filters every supervision list takes: unit, place (a division and everything under it), category, period. */
export interface ListFilter {
  readonly unitId?: string;
  readonly place?: string;
  readonly category?: string;
  readonly period?: readonly [string, string];
}

/** The significant prefix of a 12-digit division code (省 2, 市 4, 县 6, 乡 9, 村 12 digits). */
function divisionPrefix(code: string): string {
  if (code.endsWith('0000000000')) return code.slice(0, 2);
  if (code.endsWith('00000000')) return code.slice(0, 4);
  if (code.endsWith('000000')) return code.slice(0, 6);
  if (code.endsWith('000')) return code.slice(0, 9);
  return code;
}

/** Whether `code` lies in the division `place` (itself or below it). */
export function withinPlace(code: string | null | undefined, place: string | undefined): boolean {
  return !place || (!!code && code.startsWith(divisionPrefix(place)));
}

/** Whether an instant lies in the period chosen (Beijing days, both ends included). */
export function withinPeriod(at: string | null | undefined, period: ListFilter['period']): boolean {
  if (!period) return true;
  if (!at) return false;
  const day = shanghai(at).format('YYYY-MM-DD');
  return day >= period[0] && day <= period[1];
}
