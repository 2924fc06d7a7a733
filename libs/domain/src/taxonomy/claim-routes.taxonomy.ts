import type { ClaimRoute } from '@sunshine/contracts';

import { defineTaxonomy, type Taxon } from './taxonomy';

export interface ClaimRouteTaxon extends Taxon<ClaimRoute> {
  /** The item of 《信访工作条例》第31条 (as we read it; the item numbers are data, kept in this one table). */
  readonly item: number;
  /** Only the petition route ends in a 信访处理意见书 with review (复查, Art 35) and re-review (复核, Art 36). */
  readonly reviewChain: boolean;
}

/**
 * How a 申诉求决 claim is handled (Art 31): led into litigation, arbitration, administrative review, a party appeal or
 * another administrative procedure (导入相应程序), handled as a statutory duty (依法履行或者答复), or on the petition
 * route (出具信访处理意见书). Codes are contracts' `ClaimRoutes`; each non-petition route keeps its own clock
 * (configurable).
 */
export const ClaimRouteTaxonomy = defineTaxonomy<ClaimRoute, ClaimRouteTaxon>([
  { code: 'litigation', zh: '诉讼程序', en: 'Litigation', item: 1, reviewChain: false },
  { code: 'arbitration', zh: '仲裁程序', en: 'Arbitration', item: 1, reviewChain: false },
  { code: 'administrative-review', zh: '行政复议', en: 'Administrative review', item: 1, reviewChain: false },
  { code: 'party-appeal', zh: '党员申诉、申请复审', en: 'Party appeal or re-examination', item: 2, reviewChain: false },
  {
    code: 'administrative-procedure',
    zh: '行政裁决、确认、许可、处罚等行政程序',
    en: 'Other administrative procedure',
    item: 3,
    reviewChain: false,
  },
  { code: 'statutory-duty', zh: '依法履行职责或者答复', en: 'Statutory duty or answer', item: 4, reviewChain: false },
  {
    code: 'petition',
    zh: '信访程序（出具信访处理意见书）',
    en: 'Petition route (written reply)',
    item: 5,
    reviewChain: true,
  },
]);

/** The route a claim takes when its unit has not (yet) said otherwise. */
export const DEFAULT_CLAIM_ROUTE: ClaimRoute = 'petition';
