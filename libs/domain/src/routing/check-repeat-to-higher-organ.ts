import type { CaseStatus, UnitId } from '@sunshine/contracts';

import { type Deadline, isLate } from '../deadlines';
import { divisionContains, levelDepth, type OrgDirectory } from '../org';

export interface EarlierMatter {
  caseId: string;
  status: CaseStatus;
  /** The unit that accepted it and is handling it. */
  handlingUnitId: UnitId;
  /** Its handling deadline (with any extension); absent when the matter has no handling clock. */
  handlingDeadline?: Pick<Deadline, 'dueAt' | 'lastDay'>;
}

export interface RepeatCheck {
  /** 不予受理 at the receiving organ under Art 19. */
  notAccepted: boolean;
  reasons: string[];
}

const IN_HANDS: readonly CaseStatus[] = ['accepted', 'in-progress'];

/**
 * Art 19: a matter already accepted or being handled, brought within its time limit to an organ above the one
 * handling it, is not accepted there. The petition is still registered (有访必录入); this only decides acceptance.
 */
export function checkRepeatToHigherOrgan(input: {
  earlier: EarlierMatter;
  receivingUnitId: UnitId;
  at: string | Date;
  directory: OrgDirectory;
}): RepeatCheck {
  const { earlier, directory } = input;
  const handling = directory.get(earlier.handlingUnitId);
  const receiving = directory.get(input.receivingUnitId);
  if (!handling || !receiving) return { notAccepted: false, reasons: ['办理单位或接收单位不在机构目录中，不适用第十九条'] };
  if (!IN_HANDS.includes(earlier.status)) {
    return { notAccepted: false, reasons: [`原事项（${earlier.caseId}）未处于受理或办理中，不适用第十九条`] };
  }
  if (!earlier.handlingDeadline) return { notAccepted: false, reasons: ['原事项无办理期限，不适用第十九条'] };
  if (isLate(input.at, earlier.handlingDeadline)) {
    return { notAccepted: false, reasons: [`原事项办理期限（${earlier.handlingDeadline.lastDay}）已过，不适用第十九条`] };
  }
  if (!isHigher(receiving.id, handling.id, directory)) {
    return { notAccepted: false, reasons: [`${receiving.name}不是${handling.name}的上级机关，不适用第十九条`] };
  }
  return {
    notAccepted: true,
    reasons: [
      `第十九条：同一事项已由${handling.name}受理、正在办理，办理期限至${earlier.handlingDeadline.lastDay}，尚在期限内`,
      `向其上级机关${receiving.name}再次提出的，${receiving.name}不予受理`,
    ],
  };
}

/** `upper` is above `lower`: one of its parents, or a unit of a higher level whose territory contains it. */
function isHigher(upper: UnitId, lower: UnitId, directory: OrgDirectory): boolean {
  if (directory.ancestors(lower).some((u) => u.id === upper)) return true;
  const a = directory.get(upper);
  const b = directory.get(lower);
  return !!a && !!b && levelDepth(a.level) < levelDepth(b.level) && divisionContains(a.divisionCode, b.divisionCode);
}
