import type { OrgUnitSnapshot } from '@sunshine/contracts';
import {
  DEMO_CITY as CITY,
  DEMO_COUNTY as COUNTY,
  DEMO_DONGTUN as DONGTUN,
  DEMO_FENGZHUANG as FENGZHUANG,
  DEMO_UNITS as UNITS,
} from '@sunshine/testing';

/** The demo directory's codes and unit ids (libs/testing's, one place), under the names these tests use. */
export { CITY, COUNTY, DONGTUN, FENGZHUANG, UNITS };

function unit(
  id: string,
  kind: string,
  divisionCode: string,
  level: OrgUnitSnapshot['level'],
  parentId: string | null,
  competences: string[] = [],
): OrgUnitSnapshot {
  const path = level === 'city' ? [CITY] : level === 'county' ? [CITY, COUNTY] : [CITY, COUNTY, divisionCode];
  return { id, name: id, kind, divisionCode, level, territoryPath: path, parentId, competences, nonAdministrative: false, revision: 1 };
}

/**
 * A slice of 新乡市 / 延津县: both bureaus, both discipline commissions, the county's government and party committee,
 * 人社局, two townships (东屯镇 with its petition office).
 */
export const TEST_DIRECTORY: readonly OrgUnitSnapshot[] = [
  unit(UNITS.cityBureau, 'petition-bureau', CITY, 'city', null),
  unit(UNITS.cityDiscipline, 'discipline', CITY, 'city', null),
  unit(UNITS.countyBureau, 'petition-bureau', COUNTY, 'county', UNITS.cityBureau),
  unit(UNITS.countyGov, 'government', COUNTY, 'county', null, ['other']),
  unit(UNITS.countyParty, 'party-committee', COUNTY, 'county', null),
  unit(UNITS.hrss, 'dept-hrss', COUNTY, 'county', UNITS.countyGov, ['labour']),
  unit(UNITS.countyDiscipline, 'discipline', COUNTY, 'county', null),
  unit(UNITS.dongtun, 'government', DONGTUN, 'township', UNITS.countyGov),
  unit(UNITS.dongtunOffice, 'petition-office', DONGTUN, 'township', UNITS.dongtun),
  unit(UNITS.fengzhuang, 'government', FENGZHUANG, 'township', UNITS.countyGov),
];
