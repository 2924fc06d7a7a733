import type { RatingScore } from '@sunshine/contracts';

import { defineTaxonomy, type Taxon } from './taxonomy';

/** 满意度评价 (《信访工作条例》第21条). Codes are contracts' `RatingScores`. */
export const RatingScoreTaxonomy = defineTaxonomy<RatingScore, Taxon<RatingScore>>([
  { code: 'satisfied', zh: '满意', en: 'Satisfied' },
  { code: 'basically-satisfied', zh: '基本满意', en: 'Basically satisfied' },
  { code: 'dissatisfied', zh: '不满意', en: 'Dissatisfied' },
]);
