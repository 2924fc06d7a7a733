import type { ProperChannel } from '@sunshine/contracts';

import { defineTaxonomy, type Taxon } from './taxonomy';

/**
 * Where a petitioner is told to go when a petition is not accepted (不予受理告知书: 告知信访人向有权机关提出 / 导入法定程序,
 * 《信访工作条例》第23、31、36条), worded as the notice says it. Codes are contracts' `ProperChannels`.
 */
export const ProperChannelTaxonomy = defineTaxonomy<ProperChannel, Taxon<ProperChannel>>([
  { code: 'litigation', zh: '依法向人民法院提起诉讼', en: 'Bring a lawsuit before the people’s court' },
  { code: 'arbitration', zh: '依法申请仲裁', en: 'Apply for arbitration' },
  { code: 'administrative-review', zh: '依法申请行政复议', en: 'Apply for administrative review' },
  { code: 'party-appeal', zh: '依照党内法规提出申诉或者申请复审', en: 'Appeal or ask for re-examination under the Party’s rules' },
  {
    code: 'administrative-procedure',
    zh: '依照行政裁决、确认、许可、处罚等法定程序办理',
    en: 'Follow the statutory administrative procedure (ruling, confirmation, licence, penalty …)',
  },
  { code: 'competent-organ', zh: '向有权处理的机关、单位提出', en: 'Bring it to the organ or unit with authority over it' },
  { code: 'already-in-handling', zh: '该事项已在办理中，请等待办理结果', en: 'The matter is already being handled: wait for its result' },
  {
    code: 'no-further-petition',
    zh: '该事项已经复核终结，不再受理',
    en: 'The matter was finalized after re-review and is not accepted again',
  },
]);
