import type { OrgDirectory } from '@sunshine/domain';

import type { CaseListItem } from './case-list-item';

/** A case in the city list as people read it: its subject where the reader may read it, names instead of codes. */
export interface CityListItem extends CaseListItem {
  /** 事由, only where the reader's access is full (intake decides); null otherwise. */
  readonly subject: string | null;
  /** The holding unit's name (e.g. 延津县人力资源和社会保障局). */
  readonly holdingUnitName: string | null;
  /** The place by its divisions (e.g. 新乡市延津县东屯镇东屯村). */
  readonly placeName: string | null;
}

export function cityListItemOf(item: CaseListItem, directory: OrgDirectory, subjects: ReadonlyMap<string, string>): CityListItem {
  return {
    ...item,
    subject: subjects.get(item.caseId) ?? null,
    holdingUnitName: item.holdingUnitId ? (directory.get(item.holdingUnitId)?.name ?? null) : null,
    placeName: item.placeCode ? directory.placeLabel(item.placeCode) : null,
  };
}
