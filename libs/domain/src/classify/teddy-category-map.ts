import type { CategoryCode } from '@sunshine/contracts';

/**
 * The seven first-level classes of the training data (Teddy Cup 2020 智慧政务, a city's 问政 board) onto the
 * platform's category codes (libs/domain categories taxonomy). 劳动和社会保障 is mostly wages, hiring and social
 * insurance → 劳资纠纷; 商贸旅游 (shops, markets, tourism, consumer disputes) has no category of its own yet → 其他,
 * so the clerk picks; the others have an exact counterpart.
 */
export const TEDDY_CLASS_CATEGORY: Readonly<Record<string, CategoryCode>> = {
  城乡建设: 'urban-construction',
  劳动和社会保障: 'labour',
  教育文体: 'education',
  商贸旅游: 'other',
  环境保护: 'environment',
  卫生计生: 'health',
  交通运输: 'transport',
};

/** The platform category a class suggests; `other` for a class the table does not know. */
export function categoryForClass(label: string): CategoryCode {
  return TEDDY_CLASS_CATEGORY[label] ?? 'other';
}
