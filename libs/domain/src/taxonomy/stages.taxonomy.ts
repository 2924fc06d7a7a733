import type { ReviewStage, Stage } from '@sunshine/contracts';

import { defineTaxonomy, type Taxon } from './taxonomy';

export interface StageTaxon extends Taxon<Stage> {
  /** The article of 《信访工作条例》 that governs the stage. */
  readonly article: number;
  /** The stage a petitioner may ask for after this one's written reply; undefined after re-review (不再受理). */
  readonly next?: ReviewStage;
}

/** 原办理 → 复查 (Art 35) → 复核 (Art 36). Codes are contracts' `Stages`. */
export const StageTaxonomy = defineTaxonomy<Stage, StageTaxon>([
  { code: 'original', zh: '原办理', en: 'Original handling', article: 31, next: 'review' },
  { code: 'review', zh: '复查', en: 'Review', article: 35, next: 're-review' },
  { code: 're-review', zh: '复核', en: 'Re-review', article: 36 },
]);

export function nextStage(stage: Stage): ReviewStage | undefined {
  return StageTaxonomy.get(stage)?.next;
}
