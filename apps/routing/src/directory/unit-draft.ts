import type { OrgUnitSnapshot } from '@sunshine/contracts';
import { divisionContains, divisionLevelOf, divisionLineage } from '@sunshine/domain';
import { DomainException, type StaffPrincipal } from '@sunshine/platform';
import type { EntityManager } from 'typeorm';

import type { CreateUnitDto, UnitChanges } from './org-admin.dto';
import type { OrgDirectoryService, UnitDraft } from './org-directory.service';

/**
 * The fields that grant trust (DESIGN §3): what a unit is (kind: a petition bureau lists every case of its territory,
 * a discipline commission reads accusations), where it hangs (parent), where it rules (division, hence level and
 * territory) and what it is competent for. They change only through an approved change request.
 */
export const TRUST_FIELDS = ['kind', 'parentId', 'divisionCode', 'competences', 'nonAdministrative'] as const;

/** 404 UNIT_NOT_FOUND: the directory has no unit of that id. */
export const UNIT_NOT_FOUND = new DomainException('UNIT_NOT_FOUND', 'not-found', { zh: '单位不存在', en: 'no such unit' });

/** Serialises every change of one unit (an admin's rename, a change request's proposal and approval) in the transaction. */
export function lockUnit(m: EntityManager, unitId: string): Promise<unknown> {
  return m.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`org-unit|${unitId}`]);
}

/** The unit a create request brings into the directory; its id defaults to `<divisionCode>:<kind>`. */
export function newUnitDraft(dto: CreateUnitDto): UnitDraft {
  const id = dto.id ?? `${dto.divisionCode}:${dto.kind}`;
  return {
    id,
    name: dto.name,
    kind: dto.kind,
    parentId: dto.parentId,
    competences: dto.competences,
    nonAdministrative: dto.nonAdministrative,
    ...placeOf(dto.divisionCode),
  };
}

/** `current` with the requested trust-bearing changes (its name as it is now). */
export function changedUnitDraft(current: OrgUnitSnapshot, changes: UnitChanges): UnitDraft {
  const { revision: _revision, ...unit } = current;
  return {
    ...unit,
    ...(changes.kind !== undefined ? { kind: changes.kind } : {}),
    ...(changes.parentId !== undefined ? { parentId: changes.parentId } : {}),
    ...(changes.competences !== undefined ? { competences: changes.competences } : {}),
    ...(changes.nonAdministrative !== undefined ? { nonAdministrative: changes.nonAdministrative } : {}),
    ...(changes.divisionCode !== undefined ? placeOf(changes.divisionCode) : {}),
  };
}

/** Whether two versions of a unit agree on every trust-bearing field. */
export function sameTrust(a: UnitDraft, b: UnitDraft): boolean {
  return (
    a.kind === b.kind &&
    a.parentId === b.parentId &&
    a.divisionCode === b.divisionCode &&
    a.nonAdministrative === b.nonAdministrative &&
    [...a.competences].sort().join() === [...b.competences].sort().join()
  );
}

/** The parent exists and the change makes no cycle. */
export async function checkParent(directory: OrgDirectoryService, m: EntityManager, draft: UnitDraft): Promise<void> {
  const seen = new Set([draft.id]);
  let next = draft.parentId;
  while (next !== null) {
    if (seen.has(next))
      throw new DomainException('PARENT_CYCLE', 'unprocessable', { zh: '上级单位不能是自身或下级', en: 'the parent would make a cycle' });
    seen.add(next);
    const parent = await directory.get(m, next);
    if (!parent)
      throw new DomainException('UNKNOWN_PARENT', 'unprocessable', { zh: '上级单位不存在', en: 'no such parent unit' }, { parentId: next });
    next = parent.parentId;
  }
}

/** 403 OUT_OF_TERRITORY unless the division lies in the caller's territory. */
export function inTerritory(staff: StaffPrincipal, divisionCode: string): void {
  if (divisionContains(staff.divisionCode, divisionCode)) return;
  throw new DomainException(
    'OUT_OF_TERRITORY',
    'forbidden',
    { zh: '只能管理本辖区内的单位', en: 'units outside your territory' },
    { divisionCode },
  );
}

function placeOf(divisionCode: string): Pick<UnitDraft, 'divisionCode' | 'level' | 'territoryPath'> {
  const level = divisionLevelOf(divisionCode);
  const lineage = divisionLineage(divisionCode);
  return { divisionCode, level, territoryPath: level === 'province' ? lineage : lineage.slice(1) };
}
