import type { Channel } from '@sunshine/contracts';

import { defineTaxonomy, type Taxon } from './taxonomy';

/** Channels of petitions (《信访工作条例》第17条: 网络、书信、电话、传真、走访 …). Codes are contracts' `Channels`. */
export const ChannelTaxonomy = defineTaxonomy<Channel, Taxon<Channel>>([
  { code: 'visit', zh: '来访', en: 'Visit' },
  { code: 'letter', zh: '来信', en: 'Letter' },
  { code: 'online', zh: '网上信访', en: 'Online' },
  { code: 'sms', zh: '短信', en: 'SMS' },
  { code: 'hotline', zh: '热线', en: 'Hotline' },
  { code: 'mailbox', zh: '领导信箱', en: 'Leader mailbox' },
  { code: 'app', zh: '手机客户端', en: 'Mobile app' },
  { code: 'fax', zh: '传真', en: 'Fax' },
  { code: 'phone', zh: '来电', en: 'Phone call' },
]);
