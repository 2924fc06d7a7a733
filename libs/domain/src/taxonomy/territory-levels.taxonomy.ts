import type { TerritoryLevel } from '@sunshine/contracts';

import { defineTaxonomy, type Taxon } from './taxonomy';

export interface TerritoryLevelTaxon extends Taxon<TerritoryLevel> {
  /** 0 for the province, growing downwards: one level up is `depth - 1`. */
  readonly depth: number;
}

/** 省 → 市 → 县/区 → 乡/镇/街道 → 村/社区 (分级负责). Codes are contracts' `TerritoryLevels`. */
export const TerritoryLevelTaxonomy = defineTaxonomy<TerritoryLevel, TerritoryLevelTaxon>([
  { code: 'province', zh: '省（自治区、直辖市）', en: 'Province', depth: 0 },
  { code: 'city', zh: '市（州、盟）', en: 'City', depth: 1 },
  { code: 'county', zh: '县（区、旗）', en: 'County or district', depth: 2 },
  { code: 'township', zh: '乡（镇、街道）', en: 'Township or street', depth: 3 },
  { code: 'village', zh: '村（社区）', en: 'Village or community', depth: 4 },
]);

/** The level just above, or undefined at the top (逐级: a visit goes to the same level or one up, Art 20). */
export function levelAbove(level: TerritoryLevel): TerritoryLevel | undefined {
  const depth = TerritoryLevelTaxonomy.get(level)?.depth ?? 0;
  return TerritoryLevelTaxonomy.entries.find((e) => e.depth === depth - 1)?.code;
}
