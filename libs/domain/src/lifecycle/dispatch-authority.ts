import type { DispatchMode, OrgUnitSnapshot } from '@sunshine/contracts';

import { divisionContains } from '../org/division-code';
import type { OrgDirectory } from '../org/org-directory';
import { BUREAU_KINDS } from '../org/unit-catalogue';
import type { CaseState } from './case-state';

/** Why a unit may not dispatch (转送/交办) a case, or may not decide an objection: the unit's kind, not the case's state. */
export const AuthorityMessages = {
  DESK_BUREAU_ONLY: {
    zh: '只有信访部门可以转送、交办信访事项；承办单位认为不属于本单位职权范围的，应提出异议',
    en: 'only a petition bureau dispatches; a handling unit objects instead',
  },
  DIRECT_TO_BUREAU_ONLY: {
    zh: '非信访部门收到不属于本单位办理的信访事项，应转送本级信访部门',
    en: 'a unit that is not a petition bureau sends a direct petition it does not handle to the petition bureau of its level',
  },
  VILLAGE_ASSIGN_ONLY: {
    zh: '乡镇（街道）只能将其承办的信访事项交办给本辖区的村（居）民委员会',
    en: 'a township assigns (交办) the cases it holds only to the village committees of its territory',
  },
  OBJECTION_BUREAU_ONLY: {
    zh: '只有信访部门审核异议，异议只能针对信访部门的转送、交办提出',
    en: 'only a petition bureau decides objections, raised against its dispatch',
  },
} as const satisfies Record<string, { zh: string; en: string }>;

export type AuthorityCode = keyof typeof AuthorityMessages;

export function isBureau(unit: OrgUnitSnapshot | undefined): boolean {
  return unit !== undefined && BUREAU_KINDS.includes(unit.kind);
}

/** A township-level government (乡镇人民政府 / 街道办事处): it 交办 to the village committees of its territory (属地). */
function isTownshipGovernment(unit: OrgUnitSnapshot): boolean {
  return unit.kind === 'government' && unit.level === 'township';
}

/** The petition bureau (信访局) or office (信访办) of the unit's own territory: where a direct petition it does not handle goes. */
export function bureauOfLevel(directory: OrgDirectory, unit: OrgUnitSnapshot): OrgUnitSnapshot | undefined {
  return directory.find(unit.divisionCode, 'petition-bureau') ?? directory.find(unit.divisionCode, 'petition-office');
}

/** The one rule of who dispatches what, before decide checks the case's state: every target a unit may send the case to. */
export interface DispatchAuthority {
  /** Whether `to` may receive the case from this unit, and in which mode. */
  readonly allows: (to: OrgUnitSnapshot, mode: DispatchMode) => boolean;
  /** Why a refused target is refused. */
  readonly refusal: AuthorityCode;
}

/**
 * Who may dispatch (Art 22): a petition bureau, anywhere; a unit that registered a direct petition it does not handle,
 * only to the petition bureau of its level (转送); a township government holding a case, by 交办 to a village committee
 * of its territory (属地), which signs, handles and reports back to it. Everyone else objects (Art 23); null: the unit
 * dispatches nothing.
 */
export function dispatchAuthority(state: CaseState, from: OrgUnitSnapshot | undefined, directory: OrgDirectory): DispatchAuthority | null {
  if (from === undefined) return null;
  if (isBureau(from)) return { allows: () => true, refusal: 'DESK_BUREAU_ONLY' };
  const open: DispatchAuthority[] = [];
  const bureau = state.status === 'registered' && state.receivingUnitId === from.id ? bureauOfLevel(directory, from) : undefined;
  if (bureau) open.push({ allows: (to, mode) => to.id === bureau.id && mode === 'forward', refusal: 'DIRECT_TO_BUREAU_ONLY' });
  if (isTownshipGovernment(from)) {
    open.push({
      allows: (to, mode) => to.kind === 'village-committee' && mode === 'assign' && divisionContains(from.divisionCode, to.divisionCode),
      refusal: 'VILLAGE_ASSIGN_ONLY',
    });
  }
  const [first] = open;
  return first ? { allows: (to, mode) => open.some((a) => a.allows(to, mode)), refusal: first.refusal } : null;
}

/** The refusal of one dispatch, or null when the unit's kind allows it (decide still checks the case's state). */
export function dispatchRefusal(
  state: CaseState,
  from: OrgUnitSnapshot | undefined,
  to: OrgUnitSnapshot,
  mode: DispatchMode,
  directory: OrgDirectory,
): AuthorityCode | null {
  const authority = dispatchAuthority(state, from, directory);
  if (!authority) return 'DESK_BUREAU_ONLY';
  return authority.allows(to, mode) ? null : authority.refusal;
}

/** Whether any target is open to the unit (the directory has one its authority allows). */
export function mayDispatchAny(state: CaseState, from: OrgUnitSnapshot | undefined, directory: OrgDirectory): boolean {
  const authority = dispatchAuthority(state, from, directory);
  if (!authority || !from) return false;
  return directory.units.some((to) => to.id !== from.id && (authority.allows(to, 'forward') || authority.allows(to, 'assign')));
}

/** Objections (Art 23) are raised against a petition bureau's dispatch, and that bureau decides them. */
export function objectionRefusal(state: CaseState, directory: OrgDirectory): AuthorityCode | null {
  const from = state.lastDispatch?.fromUnitId;
  return from !== undefined && !isBureau(directory.get(from)) ? 'OBJECTION_BUREAU_ONLY' : null;
}
