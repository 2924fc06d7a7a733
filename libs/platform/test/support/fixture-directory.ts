import type { OrgUnitSnapshot } from '@sunshine/contracts';

const CITY = '410700000000';
const COUNTY = '410726000000';

/** The units the consumer fixture's directory replica holds (the ops endpoints bind ops to a city-level unit of it). */
export const FIXTURE_UNITS = {
  /** 新乡市信访局: a city-level unit, home of the platform's operators. */
  cityBureau: `${CITY}:petition-bureau`,
  /** 延津县信访局: a county's unit, whose `ops` token is not the platform's. */
  countyBureau: `${COUNTY}:petition-bureau`,
} as const;

export const FIXTURE_DIRECTORY: readonly OrgUnitSnapshot[] = [
  {
    id: FIXTURE_UNITS.cityBureau,
    name: '新乡市信访局',
    kind: 'petition-bureau',
    divisionCode: CITY,
    level: 'city',
    territoryPath: [CITY],
    parentId: null,
    competences: [],
    nonAdministrative: false,
    revision: 1,
  },
  {
    id: FIXTURE_UNITS.countyBureau,
    name: '延津县信访局',
    kind: 'petition-bureau',
    divisionCode: COUNTY,
    level: 'county',
    territoryPath: [CITY, COUNTY],
    parentId: FIXTURE_UNITS.cityBureau,
    competences: [],
    nonAdministrative: false,
    revision: 1,
  },
];
