import type { UnitDraft } from '../directory/org-directory.service';

const CITY = '410700000000';
const COUNTY = '410726000000';
const DONGTUN = '410726101000';

/**
 * The smallest directory the first end-to-end petition needs: 新乡市's bureau, 延津县's bureau, two county
 * departments and one township government (the place a petition concerns). `--fixture demo` loads the real tree.
 */
export const SMALL_FIXTURE: readonly UnitDraft[] = [
  {
    id: `${CITY}:petition-bureau`,
    name: '新乡市信访局',
    kind: 'petition-bureau',
    divisionCode: CITY,
    level: 'city',
    parentId: null,
    territoryPath: [CITY],
    competences: [],
    nonAdministrative: false,
  },
  {
    id: `${COUNTY}:petition-bureau`,
    name: '延津县信访局',
    kind: 'petition-bureau',
    divisionCode: COUNTY,
    level: 'county',
    parentId: `${CITY}:petition-bureau`,
    territoryPath: [CITY, COUNTY],
    competences: [],
    nonAdministrative: false,
  },
  {
    id: `${COUNTY}:dept-hrss`,
    name: '延津县人力资源和社会保障局',
    kind: 'dept-hrss',
    divisionCode: COUNTY,
    level: 'county',
    parentId: `${COUNTY}:government`,
    territoryPath: [CITY, COUNTY],
    competences: ['labour'],
    nonAdministrative: false,
  },
  {
    id: `${COUNTY}:dept-housing`,
    name: '延津县住房和城乡建设局',
    kind: 'dept-housing',
    divisionCode: COUNTY,
    level: 'county',
    parentId: `${COUNTY}:government`,
    territoryPath: [CITY, COUNTY],
    competences: ['urban-construction', 'demolition'],
    nonAdministrative: false,
  },
  {
    id: `${DONGTUN}:government`,
    name: '东屯镇人民政府',
    kind: 'government',
    divisionCode: DONGTUN,
    level: 'township',
    parentId: `${COUNTY}:government`,
    territoryPath: [CITY, COUNTY, DONGTUN],
    competences: [],
    nonAdministrative: false,
  },
];
