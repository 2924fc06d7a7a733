import type { PetitionType } from '@sunshine/contracts';

import { defineTaxonomy, type Taxon } from './taxonomy';

export interface PetitionTypeTaxon extends Taxon<PetitionType> {
  /** The article of 《信访工作条例》 that says how it is handled. */
  readonly article: number;
}

/** 建议意见 (Art 29) / 检举控告 (Art 30) / 申诉求决 (Art 31). Codes are contracts' `PetitionTypes`. */
export const PetitionTypeTaxonomy = defineTaxonomy<PetitionType, PetitionTypeTaxon>([
  { code: 'suggestion', zh: '建议意见', en: 'Suggestion', article: 29 },
  { code: 'accusation', zh: '检举控告', en: 'Accusation', article: 30 },
  { code: 'claim', zh: '申诉求决', en: 'Claim', article: 31 },
]);
