/**
 * The zh-CN notice templates (handlebars), versioned: a changed text gets a new version, and each delivery records the
 * version it was rendered with. Every period is printed as its last day (`lastDay`, Asia/Shanghai), never an instant.
 * `link` is the citizen progress page for the case number (the query code is never in a notice that travels here).
 */
export interface NoticeTemplate {
  /** The kind's name in Chinese, as lists show it (ops' deliveries): not part of the notice, so no new version. */
  readonly name: string;
  readonly version: number;
  readonly subject: string;
  readonly text: string;
}

const period = '{{#if lastDay}}，期限至{{lastDay}}{{/if}}';

export const NOTICE_TEMPLATES: Readonly<Record<string, NoticeTemplate>> = {
  'unit.case-arrived': {
    name: '新事项到达',
    version: 1,
    subject: '新的信访事项：{{caseNumber}}',
    text: '{{#if fromUnitName}}{{fromUnitName}}{{mode}}{{/if}}信访事项{{caseNumber}}（{{stage}}）已到达本单位，请及时签收、办理{{#if lastDay}}，受理期限至{{lastDay}}{{/if}}。',
  },
  'unit.assist-requested': {
    name: '协办请求',
    version: 1,
    subject: '协办请求：{{caseNumber}}',
    text: '{{unitName}}请本单位协办信访事项{{caseNumber}}。',
  },
  'unit.objection-raised': {
    name: '异议待审核',
    version: 1,
    subject: '异议待审核：{{caseNumber}}',
    text: '{{unitName}}对信访事项{{caseNumber}}提出异议：{{reason}}。请审核。',
  },
  'unit.objection-decided': {
    name: '异议处理结果',
    version: 1,
    subject: '异议处理结果：{{caseNumber}}',
    text: '本单位对信访事项{{caseNumber}}提出的异议已处理{{#if reason}}：{{reason}}{{/if}}{{#if lastDay}}。受理期限至{{lastDay}}{{/if}}。',
  },
  'unit.supervision-order': {
    name: '督办单',
    version: 1,
    subject: '督办单：{{caseNumber}}',
    text: '{{fromUnitName}}就信访事项{{caseNumber}}向本单位发出督办单：{{reason}}{{#if lastDay}}。请于{{lastDay}}前书面回复{{/if}}。',
  },
  'unit.supervision-reminder': {
    name: '催办',
    version: 1,
    subject: '催办：{{caseNumber}}',
    text: '{{fromUnitName}}就信访事项{{caseNumber}}的督办单向本单位催办{{#if note}}：{{note}}{{/if}}{{#if lastDay}}。请于{{lastDay}}前书面回复{{/if}}。',
  },
  'unit.deadline-warning': {
    name: '临期预警',
    version: 1,
    subject: '临期预警：{{caseNumber}}',
    text: '信访事项{{caseNumber}}即将到期{{period}}，请抓紧办理。',
  },
  'unit.overdue': {
    name: '超期提醒',
    version: 1,
    subject: '超期提醒：{{caseNumber}}',
    text: '信访事项{{caseNumber}}已超期{{#if lastDay}}（期限至{{lastDay}}）{{/if}}，请立即办理。',
  },
  'unit.escalated': {
    name: '提级督办',
    version: 1,
    subject: '提级督办：{{caseNumber}}',
    text: '信访事项{{caseNumber}}（{{unitName}}）已提级督办：{{reason}}。',
  },
  'unit.reported-up': {
    name: '重大紧急事项报告',
    version: 1,
    subject: '重大紧急信访事项报告：{{caseNumber}}',
    text: '{{unitName}}报告重大紧急信访事项{{caseNumber}}：{{reason}}（《信访工作条例》第二十五条）。',
  },
  'unit.early-warning': {
    name: '信访预警',
    version: 1,
    subject: '信访预警',
    text: '辖区{{divisionCode}}出现信访预警：{{count}}件（人次），请关注。',
  },
  'unit.staff-flagged': {
    name: '满意度评议提示',
    version: 1,
    subject: '满意度评议提示',
    text: '本单位工作人员{{staff}}在{{periodFrom}}至{{periodTo}}经办的信访事项连续{{streak}}件被评为不满意，请关注并督促改进。',
  },
  'unit.daily-digest': {
    name: '每日提醒',
    version: 1,
    subject: '每日信访事项提醒',
    text: '本单位今日超期信访事项{{overdue}}件，{{dueSoonDays}}日内到期{{dueSoon}}件。{{#if caseNumbers}}事项：{{caseNumbers}}。{{/if}}',
  },
  'petitioner.receipt': {
    name: '受理回执',
    version: 1,
    subject: '信访事项受理回执',
    text: '您的信访事项已登记，编号{{caseNumber}}。可凭编号和查询码查询办理进度：{{link}}',
  },
  'petitioner.accepted': {
    name: '受理告知',
    version: 1,
    subject: '信访事项受理告知',
    text: '您的信访事项{{caseNumber}}已由{{unitName}}受理{{#if lastDay}}，办理期限至{{lastDay}}{{/if}}。',
  },
  'petitioner.not-accepted': {
    name: '不予受理告知',
    version: 1,
    subject: '信访事项不予受理告知',
    text: '您的信访事项{{caseNumber}}不予受理，理由：{{reason}}。您可以{{properChannel}}。',
  },
  'petitioner.extension': {
    name: '延期办理告知',
    version: 1,
    subject: '信访事项延期办理告知',
    text: '您的信访事项{{caseNumber}}经批准延期{{days}}日{{#if reason}}，理由：{{reason}}{{/if}}{{#if lastDay}}，办理期限至{{lastDay}}{{/if}}。',
  },
  'petitioner.reply': {
    name: '处理意见书送达',
    version: 1,
    subject: '信访处理意见书电子送达',
    text: '您的信访事项{{caseNumber}}已作出书面答复，请凭编号和查询码查阅：{{link}}。自收到之日起30日内可进行满意度评价或申请复查。',
  },
  'petitioner.rating-invitation': {
    name: '满意度评价邀请',
    version: 1,
    subject: '满意度评价邀请',
    text: '请对信访事项{{caseNumber}}的办理结果进行满意度评价{{#if lastDay}}，评价期限至{{lastDay}}{{/if}}：{{link}}',
  },
  'petitioner.review-eligible': {
    name: '复查申请告知',
    version: 1,
    subject: '复查申请告知',
    text: '您对信访事项{{caseNumber}}的评价为{{score}}。如不服处理意见，可{{#if lastDay}}于{{lastDay}}前{{/if}}向上一级机关申请复查：{{link}}',
  },
  'petitioner.review-received': {
    name: '复查（复核）申请收到',
    version: 1,
    subject: '复查（复核）申请已收到',
    text: '您对信访事项{{caseNumber}}的复查（复核）申请已收到，我们将依法办理。',
  },
  'petitioner.finalized': {
    name: '终结告知',
    version: 1,
    subject: '信访事项终结告知',
    text: '您的信访事项{{caseNumber}}已经复核，同一事实和理由的信访事项不再受理（《信访工作条例》第三十六条）。',
  },
  'petitioner.personal-data-corrected': {
    name: '个人信息更正结果',
    version: 1,
    subject: '个人信息更正结果',
    text: '您就信访事项{{caseNumber}}提出的个人信息更正申请已办理，登记的个人信息已按申请更正。',
  },
  'petitioner.personal-data-deleted': {
    name: '个人信息删除结果',
    version: 1,
    subject: '个人信息删除结果',
    text: '您就信访事项{{caseNumber}}提出的个人信息删除申请已办理，相关个人信息已删除。',
  },
  'petitioner.personal-data-refused': {
    name: '个人信息申请处理结果',
    version: 1,
    subject: '个人信息申请处理结果',
    text: '您就信访事项{{caseNumber}}提出的个人信息更正或删除申请未予办理；信访事项尚在办理中的，依法须保存办理所需的个人信息，办结后可再次申请。查询：{{link}}',
  },
  'petitioner.one-time-code': { name: '验证码', version: 1, subject: '验证码', text: '{{text}}' },
};

export { period as PERIOD_PARTIAL };
