import type { CaseStatus } from '@sunshine/contracts';

import { defineTaxonomy, type Taxon } from './taxonomy';

export interface CaseStatusTaxon extends Taxon<CaseStatus> {
  /** No transition leaves a terminal status (a later stage starts only from `replied`). */
  readonly terminal: boolean;
}

/** The one status list (DESIGN §4); extension, hearing, supervision … are flags. Codes are contracts' `CaseStatuses`. */
export const CaseStatusTaxonomy = defineTaxonomy<CaseStatus, CaseStatusTaxon>([
  { code: 'registered', zh: '已登记', en: 'Registered', terminal: false },
  { code: 'dispatched', zh: '已转送/交办', en: 'Dispatched', terminal: false },
  { code: 'signed', zh: '已签收', en: 'Signed for', terminal: false },
  { code: 'accepted', zh: '已受理', en: 'Accepted', terminal: false },
  { code: 'not-accepted', zh: '不予受理', en: 'Not accepted', terminal: false },
  { code: 'objection-pending', zh: '异议待审', en: 'Objection pending', terminal: false },
  { code: 'in-progress', zh: '办理中', en: 'In progress', terminal: false },
  { code: 'replied', zh: '已答复', en: 'Replied', terminal: false },
  { code: 'closed', zh: '已办结', en: 'Closed', terminal: true },
  { code: 'finalized', zh: '终结（不再受理）', en: 'Finalized', terminal: true },
  { code: 'withdrawn', zh: '已撤回', en: 'Withdrawn', terminal: true },
]);

export function isTerminalStatus(status: CaseStatus): boolean {
  return CaseStatusTaxonomy.get(status)?.terminal ?? false;
}
