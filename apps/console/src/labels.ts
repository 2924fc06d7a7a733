import type { CaseLogEventType, CaseStatus, Channel, PetitionType, Stage } from '@sunshine/contracts';

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

/**
 * The case log's events as the case page's timeline (办理过程) names them: every type of the contracts' case log, so a
 * new event fails to compile until it has its words here.
 */
export const EVENT: Record<CaseLogEventType, string> = {
  'petition.registered': '登记',
  'petition.corrected': '更正登记信息',
  'petition.merged': '并入其他事项（并单）',
  'petition.review-requested': '申请复查（复核）',
  'petition.rated': '满意度评价',
  'petition.withdrawn': '信访人撤回',
  'petition.personal-data-request-decided': '个人信息申请已处理',
  'case.dispatched': '转送/交办',
  'case.manual-dispatch-required': '转人工分办',
  'case.signed': '签收',
  'case.handler-assigned': '确定经办人',
  'case.accepted': '受理',
  'case.not-accepted': '不予受理',
  'case.objection-raised': '提出异议（退回）',
  'case.objection-approved': '异议成立',
  'case.objection-rejected': '异议不成立',
  'case.assisting-unit-added': '增加协办单位',
  'case.assist-contributed': '提交协办意见',
  'case.handling-started': '开始办理',
  'case.hearing-started': '听证开始',
  'case.hearing-ended': '听证结束',
  'case.extension-requested': '申请延期',
  'case.extension-approved': '批准延期',
  'case.extension-rejected': '不予延期',
  'case.assignment-report-submitted': '报送办结报告',
  'case.replied': '出具处理意见',
  'case.reply-served': '处理意见已送达信访人',
  'case.stage-opened': '进入下一办理阶段',
  'case.closed': '办结',
  'case.finalized': '复核终结',
  'case.deadline-warning': '临期预警',
  'case.overdue': '超期',
  'case.window-expired': '期间届满',
  'case.supervision-order-issued': '发出督办单',
  'case.supervision-order-answered': '督办单书面回复',
  'case.supervision-order-reminded': '催办',
  'case.escalated': '提级督办',
  'case.leader-assigned': '确定包案领导',
  'case.backlog-registered': '列入积案',
  'case.backlog-cleared': '积案化解销号',
  'case.reported-up': '报告上级（重大紧急）',
  'case.notice-delivered': '通知已送达',
  'case.notice-failed': '通知发送失败',
};

export function label(table: Record<string, string>, code: string | null | undefined): string {
  return code ? (table[code] ?? code) : '—';
}
