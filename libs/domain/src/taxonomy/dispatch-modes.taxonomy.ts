import type { DispatchMode } from '@sunshine/contracts';

import { defineTaxonomy, type Taxon } from './taxonomy';

/**
 * 转送 forward (to the competent unit, it reports to nobody) / 交办 assign (with a deadline and a completion report,
 * 办结报告) (《信访工作条例》第22条). Codes are contracts' `DispatchModes`.
 */
export const DispatchModeTaxonomy = defineTaxonomy<DispatchMode, Taxon<DispatchMode>>([
  { code: 'forward', zh: '转送', en: 'Forward' },
  { code: 'assign', zh: '交办', en: 'Assign' },
]);
