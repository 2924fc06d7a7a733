import type { AlertKind, SupervisionTrigger } from '@sunshine/contracts';

// Display words of the supervision service's codes (督查督办).

/** Clock kinds (the domain's clock rules; a local rule's kind shows as its code): the one table, for the ledger and the case page. */
export const CLOCK_KIND: Record<string, string> = {
  dispatch: '转送交办期限',
  objection: '异议期限',
  acceptance: '受理告知期限',
  handling: '办理期限',
  'assignment-feedback': '交办反馈期限',
  'rating-window': '评价期',
  'review-request-window': '申请复查期',
  'review-handling': '复查期限',
  're-review-request-window': '申请复核期',
  're-review-handling': '复核期限',
  'supervision-order-answer': '督办回复期限',
  'hotline-handling': '热线办理期限',
  'hotline-return': '热线退回期',
};

export const CLOCK_STATUS: Record<string, string> = {
  running: '计时中',
  paused: '暂停',
  overdue: '已逾期',
  satisfied: '已履行',
  ended: '已结束',
  expired: '已届满',
  lapsed: '已失效',
};

export const ORDER_TRIGGER: Record<SupervisionTrigger, string> = {
  'acceptance-breach': '未按规定受理',
  'handling-breach': '未按规定办理',
  'buck-passing': '推诿扯皮',
  perfunctory: '敷衍塞责',
  delay: '拖延办理',
  falsification: '弄虚作假',
  overdue: '逾期未办结',
  other: '其他',
};

export const ORDER_STATUS: Record<string, string> = { open: '待回复', answered: '已回复', overdue: '逾期未回复' };

export const ALERT_KIND: Record<AlertKind, string> = {
  'collective-visit': '集体访',
  'category-spike': '同类事项激增',
  'urgent-matter': '重大紧急事项',
  'hot-topic': '热点问题聚集',
};

export const ALERT_LEVEL: Record<string, string> = { major: '重大', warning: '预警' };
