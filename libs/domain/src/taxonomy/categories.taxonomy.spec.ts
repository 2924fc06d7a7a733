import { categoryCodeSchema } from '@sunshine/contracts';

import { CategoryTaxonomy, DEFAULT_CATEGORIES, mergeCategories, rootCategory } from './categories.taxonomy';

describe('categories', () => {
  it('has the default categories with stable lowercase codes', () => {
    expect(CategoryTaxonomy.codes).toEqual([
      'labour',
      'agriculture',
      'civil-affairs',
      'demolition',
      'environment',
      'urban-construction',
      'land-resources',
      'education',
      'health',
      'transport',
      'public-security',
      'lawsuit',
      'other',
    ]);
    for (const c of DEFAULT_CATEGORIES) expect(categoryCodeSchema.safeParse(c.code).success).toBe(true);
    expect(CategoryTaxonomy.label('labour')).toBe('劳资纠纷');
    expect(CategoryTaxonomy.label('lawsuit')).toBe('涉法涉诉');
  });

  it("merges a jurisdiction's extra categories, marked with the jurisdiction", () => {
    const result = mergeCategories('632300000000', [
      { code: 'grassland', zh: '草场纠纷', en: 'Grassland disputes', parent: 'land-resources' },
    ]);
    if (!result.ok) throw new Error('not merged');
    expect(result.taxonomy.get('grassland')).toMatchObject({ zh: '草场纠纷', jurisdiction: '632300000000' });
    expect(result.taxonomy.has('labour')).toBe(true);
    expect(rootCategory(result.taxonomy, 'grassland')).toBe('land-resources');
    expect(rootCategory(result.taxonomy, 'labour')).toBe('labour');
    expect(rootCategory(result.taxonomy, 'unknown-code')).toBe('other');
  });

  it('lists every problem of a bad extension instead of throwing', () => {
    const result = mergeCategories('410726000000', [
      { code: 'labour', zh: '劳资', en: 'Labour' },
      { code: 'Bad Code', zh: '坏', en: 'Bad' },
      { code: 'orphan', zh: '孤儿', en: 'Orphan', parent: 'nowhere' },
    ]);
    expect(result).toEqual({
      ok: false,
      issues: [
        { code: 'DUPLICATE_CODE', category: 'labour' },
        { code: 'INVALID_CODE', category: 'Bad Code' },
        { code: 'UNKNOWN_PARENT', category: 'orphan', parent: 'nowhere' },
      ],
    });
  });

  it('lets one extra category nest under another extra', () => {
    const result = mergeCategories('410726000000', [
      { code: 'wage-arrears', zh: '欠薪', en: 'Wage arrears', parent: 'labour' },
      { code: 'migrant-wage-arrears', zh: '农民工欠薪', en: 'Migrant wage arrears', parent: 'wage-arrears' },
    ]);
    expect(result.ok && rootCategory(result.taxonomy, 'migrant-wage-arrears')).toBe('labour');
  });
});
