import type { ReplyOutcome } from '@sunshine/contracts';

import { defineTaxonomy, type Taxon } from './taxonomy';

/** The outcome of a 信访处理意见书 (《信访工作条例》第31–33条). Codes are contracts' `ReplyOutcomes`. */
export const ReplyOutcomeTaxonomy = defineTaxonomy<ReplyOutcome, Taxon<ReplyOutcome>>([
  { code: 'supported', zh: '支持', en: 'Supported' },
  { code: 'explained', zh: '解释说明', en: 'Explained' },
  { code: 'not-supported', zh: '不予支持', en: 'Not supported' },
]);
