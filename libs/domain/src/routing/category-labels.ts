import type { CategoryCode } from '@sunshine/contracts';

// Labels for reasons only; the taxonomy (libs/domain/src/taxonomy) owns the category list. Pass `labelOf` to use it.
const LABELS: Record<string, string> = {
  labour: '劳资纠纷',
  agriculture: '农业农村',
  'civil-affairs': '民政救助',
  demolition: '拆迁补偿',
  environment: '环境保护',
  'urban-construction': '城乡建设',
  'land-resources': '自然资源',
  education: '教育',
  health: '卫生',
  transport: '交通',
  'public-security': '治安',
  lawsuit: '涉法涉诉',
  other: '其他',
};

export function defaultCategoryLabel(code: CategoryCode): string {
  return LABELS[code] ?? code;
}

const LEVEL_LABELS: Record<string, string> = {
  province: '省级',
  city: '市级',
  county: '县级',
  township: '乡级',
  village: '村级',
};

export function levelLabel(level: string): string {
  return LEVEL_LABELS[level] ?? level;
}

export function modeLabel(mode: 'forward' | 'assign'): string {
  return mode === 'forward' ? '转送' : '交办';
}
