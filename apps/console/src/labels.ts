import type { CaseStatus, Channel, PetitionType, Stage } from '@sunshine/contracts';

// Display words for the contracts' closed vocabularies (the code lists are the contracts'; a new code fails to compile
// here until it has its word).
export const STATUS: Record<CaseStatus, string> = {
  registered: '已登记',
  dispatched: '已转送/交办',
  signed: '已签收',
  accepted: '已受理',
  'not-accepted': '不予受理',
  'objection-pending': '异议待审',
  'in-progress': '办理中',
  replied: '已答复',
  closed: '已办结',
  finalized: '已终结',
  withdrawn: '已撤回',
};

export const STAGE: Record<Stage, string> = { original: '初次办理', review: '复查', 're-review': '复核' };

export const CHANNEL: Record<Channel, string> = {
  visit: '来访',
  letter: '来信',
  online: '网上信访',
  sms: '短信',
  hotline: '热线',
  mailbox: '领导信箱',
  app: '移动端',
  fax: '传真',
  phone: '电话',
};

export const PETITION_TYPE: Record<PetitionType, string> = { suggestion: '建议意见', accusation: '检举控告', claim: '申诉求决' };

/** The routing actions a case page offers, by the command name `allowedActions` lists. */
export const ACTION: Record<string, string> = {
  sign: '签收',
  'assign-handler': '确定经办人',
  accept: '受理',
  'not-accept': '不予受理',
  'start-handling': '开始办理',
  'start-hearing': '听证开始',
  'end-hearing': '听证结束',
  'request-extension': '申请延期',
  'approve-extension': '批准延期',
  'reject-extension': '不予延期',
  'raise-objection': '提出异议',
  'approve-objection': '异议成立',
  'reject-objection': '异议不成立',
  'add-assisting-unit': '增加协办单位',
  'contribute-assist': '提交协办意见',
  reply: '答复意见（起草/审签）',
  'serve-reply': '记录送达',
  'submit-assignment-report': '提交办结报告',
  dispatch: '转送/交办',
  close: '办结',
  finalize: '复核终结',
};

export const DOCUMENT_KIND: Record<string, string> = {
  transfer: '转送单',
  assignment: '交办单',
  'acceptance-notice': '受理告知书',
  'non-acceptance-notice': '不予受理告知书',
  reply: '处理（复查、复核）意见书',
  'assignment-report': '办结报告',
  'assist-contribution': '协办意见',
  'extension-notice': '延期办理告知书',
};

export function label(table: Record<string, string>, code: string | null | undefined): string {
  return code ? (table[code] ?? code) : '—';
}

/** 期限 kinds as supervision's ledger names them (unknown kinds show their code). */
export const CLOCK_KIND: Record<string, string> = {
  dispatch: '转送交办期限',
  acceptance: '受理告知期限',
  objection: '异议期限',
  'assignment-feedback': '交办反馈期限',
  handling: '办理期限',
  'review-request-window': '申请复查期限',
  'review-handling': '复查期限',
  're-review-request-window': '申请复核期限',
  're-review-handling': '复核期限',
  'rating-window': '评价期限',
  'supervision-order-answer': '督办答复期限',
  'hotline-handling': '热线办理期限',
  'hotline-return': '热线回访期限',
};

export const CLOCK_STATUS: Record<string, string> = {
  running: '计时中',
  satisfied: '已完成',
  paused: '已暂停',
  stopped: '已停止',
  ended: '已结束',
  overdue: '已逾期',
  lapsed: '已失效',
};
