import type { OrgUnitSnapshot, UnitId } from '@sunshine/contracts';

import type { OrgDirectory } from './org-directory';

/**
 * The next-higher unit that reviews a unit's written reply (复查, 《信访工作条例》第35条: 原办理行政机关、单位的上一级
 * 行政机关、单位), and the one above the reviewer for re-review (复核, 第36条). The unit the petitioner addressed is taken
 * when it is above the replying unit; otherwise the nearest government above it (a department's 本级人民政府, a
 * government's upper government), else the nearest unit above. Undefined for a unit with nothing above it.
 */
export function nextHigherUnit(directory: OrgDirectory, replyingUnitId: UnitId, addressedUnitId?: UnitId): OrgUnitSnapshot | undefined {
  const above = directory.ancestors(replyingUnitId);
  const addressed = addressedUnitId === undefined ? undefined : above.find((u) => u.id === addressedUnitId);
  return addressed ?? above.find((u) => u.kind === 'government') ?? above[0];
}
