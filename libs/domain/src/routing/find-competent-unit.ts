import type { CategoryCode, DivisionCode, OrgUnitSnapshot } from '@sunshine/contracts';

import { BUREAU_KINDS, type OrgDirectory } from '../org';

export interface CompetentUnit {
  unit: OrgUnitSnapshot;
  /** true: the township/county government handles it as 属地; false: a department is competent (主管). */
  territorial: boolean;
}

/**
 * The unit competent for a category at a place, at the lowest competent level:
 * - a township category (e.g. 其他): the government of the place's township (乡镇人民政府/街道办事处, or a farm's
 *   or zone's administration), else of its county, else of its city;
 * - any other category: the department competent for it in the place's county, else in its city. Matters of
 *   functional departments are never pushed down to townships, so township and village units are not looked at.
 * Undefined when nothing in the directory is competent.
 */
export function findCompetentUnit(
  directory: OrgDirectory,
  placeCode: DivisionCode,
  category: CategoryCode,
  townshipCategories: readonly CategoryCode[],
): CompetentUnit | undefined {
  const chain = directory.placeChain(placeCode);
  const upward = [...chain].reverse();
  if (townshipCategories.includes(category)) {
    for (const code of upward) {
      const unit = directory.at(code).find((u) => u.level !== 'village' && u.kind === 'government');
      if (unit) return { unit, territorial: true };
    }
    return undefined;
  }
  for (const code of upward) {
    const unit = directory
      .competentAt(code, category)
      .find((u) => (u.level === 'city' || u.level === 'county') && !BUREAU_KINDS.includes(u.kind));
    if (unit) return { unit, territorial: false };
  }
  return undefined;
}
