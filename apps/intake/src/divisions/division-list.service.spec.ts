import { OrgDirectory } from '@sunshine/domain';
import { DomainException, type OrgDirectorySource } from '@sunshine/platform';

import { divisionListResponseSchema } from './division-list.response';
import { DivisionListService } from './division-list.service';

const unit = (divisionCode: string, level: 'city' | 'county') => ({
  id: `${divisionCode}:petition-bureau`,
  name: '信访局',
  kind: 'petition-bureau',
  divisionCode,
  level,
  parentId: null,
  territoryPath: [],
  competences: [],
  nonAdministrative: false,
  revision: 1,
});
const directory = OrgDirectory.of([unit('410700000000', 'city'), unit('410726000000', 'county')]);
const service = new DivisionListService({ current: () => Promise.resolve(directory) } as unknown as OrgDirectorySource);

describe('DivisionListService (the citizen’s place picker)', () => {
  it('answers the city’s counties when no parent is given, in the documented shape', async () => {
    const list = await service.list();
    expect(list.parent).toEqual({ code: '410700000000', name: '新乡市', level: 'city' });
    expect(list.items).toHaveLength(15);
    expect(list.items[7]).toEqual({ code: '410726000000', name: '延津县', level: 'county', leaf: false });
    expect(divisionListResponseSchema.parse(list)).toEqual(list);
  });

  it('answers a township’s villages, named for people, as leaves', async () => {
    const list = await service.list('410726101000');
    expect(list.parent).toEqual({ code: '410726101000', name: '东屯镇', level: 'township' });
    expect(list.items.find((v) => v.code === '410726101201')).toEqual({
      code: '410726101201',
      name: '东屯村',
      level: 'village',
      leaf: true,
    });
  });

  it('refuses a division outside the city, or one the data does not know, with 404 DIVISION_NOT_FOUND', async () => {
    for (const code of ['410100000000', '410726999000']) {
      const err = await service.list(code).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(DomainException);
      expect(err).toMatchObject({ code: 'DIVISION_NOT_FOUND', kind: 'not-found', localized: { zh: '本市没有该行政区划' } });
    }
  });
});
