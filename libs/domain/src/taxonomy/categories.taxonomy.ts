import { categoryCodeSchema } from '@sunshine/contracts';

import { defineTaxonomy, type Taxon, type Taxonomy } from './taxonomy';

export interface CategoryTaxon extends Taxon {
  /** Set on categories a jurisdiction added; absent on the platform's defaults. */
  readonly jurisdiction?: string;
  /** A parent code for a jurisdiction's finer category (e.g. `grassland` under `land-resources`). */
  readonly parent?: string;
}

/** The platform's default categories (问题类别), from the bureaus' own counts (seeds 001) and DESIGN §4. */
export const DEFAULT_CATEGORIES: readonly CategoryTaxon[] = [
  { code: 'labour', zh: '劳资纠纷', en: 'Labour disputes' },
  { code: 'agriculture', zh: '农业农村', en: 'Agriculture and rural affairs' },
  { code: 'civil-affairs', zh: '民政救助', en: 'Civil affairs and relief' },
  { code: 'demolition', zh: '拆迁补偿', en: 'Demolition and compensation' },
  { code: 'environment', zh: '环境保护', en: 'Environmental protection' },
  { code: 'urban-construction', zh: '城乡建设', en: 'Urban and rural construction' },
  { code: 'land-resources', zh: '自然资源（土地、草场）', en: 'Land and natural resources' },
  { code: 'education', zh: '教育', en: 'Education' },
  { code: 'health', zh: '卫生健康', en: 'Health' },
  { code: 'transport', zh: '交通运输', en: 'Transport' },
  { code: 'public-security', zh: '治安', en: 'Public security' },
  { code: 'lawsuit', zh: '涉法涉诉', en: 'Law and litigation' },
  { code: 'other', zh: '其他', en: 'Other' },
];

export const CategoryTaxonomy: Taxonomy<string, CategoryTaxon> = defineTaxonomy(DEFAULT_CATEGORIES);

/** Categories that always route specially (诉访分离: lawsuits go to the political-legal organ, Art 22, 31). */
export const LAWSUIT_CATEGORY = 'lawsuit';

export type CategoryMergeIssue =
  | { code: 'INVALID_CODE'; category: string }
  | { code: 'DUPLICATE_CODE'; category: string }
  | { code: 'UNKNOWN_PARENT'; category: string; parent: string };

export type CategoryMergeResult = { ok: true; taxonomy: Taxonomy<string, CategoryTaxon> } | { ok: false; issues: CategoryMergeIssue[] };

/**
 * A jurisdiction's categories: the defaults plus its extras (e.g. 草场纠纷 `grassland` under `land-resources`).
 * Defaults cannot be redefined (a code means one thing everywhere, so city-wide counts add up); extras carry the
 * jurisdiction's division code. Returns every problem at once instead of throwing.
 */
export function mergeCategories(
  jurisdiction: string,
  extras: readonly Omit<CategoryTaxon, 'jurisdiction'>[],
  base: readonly CategoryTaxon[] = DEFAULT_CATEGORIES,
): CategoryMergeResult {
  const known = new Set(base.map((c) => c.code));
  const issues: CategoryMergeIssue[] = [];
  for (const extra of extras) {
    if (!categoryCodeSchema.safeParse(extra.code).success) issues.push({ code: 'INVALID_CODE', category: extra.code });
    else if (known.has(extra.code)) issues.push({ code: 'DUPLICATE_CODE', category: extra.code });
    known.add(extra.code);
  }
  for (const extra of extras) {
    if (extra.parent !== undefined && !known.has(extra.parent)) {
      issues.push({ code: 'UNKNOWN_PARENT', category: extra.code, parent: extra.parent });
    }
  }
  if (issues.length > 0) return { ok: false, issues };
  const added = extras.map((e): CategoryTaxon => ({ ...e, jurisdiction }));
  return { ok: true, taxonomy: defineTaxonomy([...base, ...added]) };
}

/** The top-level category a (possibly jurisdiction-specific) code counts under, for city-wide statistics. */
export function rootCategory(taxonomy: Taxonomy<string, CategoryTaxon>, code: string): string {
  let current = taxonomy.get(code);
  const seen = new Set<string>();
  while (current?.parent !== undefined && !seen.has(current.code)) {
    seen.add(current.code);
    const parent = taxonomy.get(current.parent);
    if (parent === undefined) break;
    current = parent;
  }
  return current?.code ?? 'other';
}
