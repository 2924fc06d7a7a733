import type { Stage } from '@sunshine/contracts';

/** The numbered documents routing issues in writing (《信访工作条例》第22、23、32–36条). */
export const DocumentKinds = [
  'transfer',
  'assignment',
  'acceptance-notice',
  'non-acceptance-notice',
  'reply',
  'assignment-report',
  'assist-contribution',
  'extension-notice',
] as const;
export type DocumentKind = (typeof DocumentKinds)[number];

const TITLES: Record<Exclude<DocumentKind, 'reply'>, string> = {
  transfer: '信访事项转送单',
  assignment: '信访事项交办单',
  'acceptance-notice': '信访事项受理告知书',
  'non-acceptance-notice': '信访事项不予受理告知书',
  'assignment-report': '交办信访事项办结报告',
  'assist-contribution': '信访事项协办意见',
  'extension-notice': '信访事项延期办理告知书',
};

const REPLY_TITLES: Record<Stage, string> = {
  original: '信访事项处理意见书',
  review: '信访事项复查意见书',
  're-review': '信访事项复核意见书',
};

// The word in the document number (文号), e.g. 延津县信访局交〔2026〕3号.
const NUMBER_WORDS: Record<Exclude<DocumentKind, 'reply'>, string> = {
  transfer: '转',
  assignment: '交',
  'acceptance-notice': '受',
  'non-acceptance-notice': '不受',
  'assignment-report': '办结',
  'assist-contribution': '协',
  'extension-notice': '延',
};
const REPLY_NUMBER_WORDS: Record<Stage, string> = { original: '处', review: '复查', 're-review': '复核' };

export function documentTitle(kind: DocumentKind, stage: Stage): string {
  return kind === 'reply' ? REPLY_TITLES[stage] : TITLES[kind];
}

export function documentNumber(unitName: string, kind: DocumentKind, stage: Stage, year: number, sequence: number): string {
  const word = kind === 'reply' ? REPLY_NUMBER_WORDS[stage] : NUMBER_WORDS[kind];
  return `${unitName}${word}〔${year}〕${sequence}号`;
}
