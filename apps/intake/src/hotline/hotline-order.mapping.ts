import type { PetitionType } from '@sunshine/contracts';

import { classCategory, type HotlineClassTable } from './hotline-class-table';

/** 12345 诉求类型: 咨询, 求助, 投诉, 举报, 建议, 表扬. */
export const HOTLINE_APPEAL_TYPES = ['consultation', 'help', 'complaint', 'report', 'suggestion', 'praise'] as const;
export type HotlineAppealType = (typeof HOTLINE_APPEAL_TYPES)[number];

/**
 * The petition type of a 12345 appeal type: 举报 is an accusation (检举控告, Art 30: confidential); 建议 and 表扬 are
 * suggestions (建议意见); 咨询, 求助 and 投诉 ask for something of the authorities (申诉求决).
 */
export const PETITION_TYPE_OF_APPEAL: Readonly<Record<HotlineAppealType, PetitionType>> = {
  consultation: 'claim',
  help: 'claim',
  complaint: 'claim',
  report: 'accusation',
  suggestion: 'suggestion',
  praise: 'suggestion',
};

/** A category entry as the mapping needs it. */
export interface NamedCategory {
  readonly code: string;
  readonly zh: string;
}

/**
 * The category an order registers under, from the one category table: the code the hotline chose (when in the table),
 * else the class mapping table's category for the class code, then the class name (when that category is in the
 * table), else the table's category whose zh-CN name is the class name, else the class as given (registration files
 * it under 其他 with the words kept, 有访必录入, and the dispatch desk decides).
 */
export function orderCategory(
  order: { category?: string; classCode?: string; className?: string },
  table: readonly NamedCategory[],
  classes: HotlineClassTable,
): string {
  if (order.category && table.some((c) => c.code === order.category)) return order.category;
  const mapped = classCategory(classes, order);
  if (mapped !== null && table.some((c) => c.code === mapped)) return mapped;
  const byName = order.className ? table.find((c) => c.zh === order.className) : undefined;
  if (byName) return byName.code;
  const given = [order.classCode, order.className].filter((s) => s).join(' ');
  return given || (order.category ?? '') || '12345 未分类';
}
