import type { ClockSpec } from './clock-spec';

const XF = '《信访工作条例》';

/** The clocks of 《信访工作条例》(2022) with the law's defaults (DESIGN §2, EVENTS.md "Clocks"). */
export const LAW_DEFAULT_CLOCKS: readonly ClockSpec[] = [
  // Art 22: 信访部门收到信访事项，应当予以登记，并区分情况，在15日内分别按照下列方式处理
  {
    kind: 'dispatch',
    article: `${XF}第22条`,
    amount: 15,
    unit: 'calendar-day',
    startsOn: 'petition.registered',
    extensionMaxDays: 0,
    pausedBy: [],
    label: '转送交办（自收到之日起）',
  },
  // Art 23: 自收到转送、交办的信访事项之日起15日内决定是否受理并书面告知信访人
  {
    kind: 'acceptance',
    article: `${XF}第23条`,
    amount: 15,
    unit: 'calendar-day',
    startsOn: 'case.dispatched',
    extensionMaxDays: 0,
    pausedBy: [],
    label: '受理告知',
  },
  // Art 23: 不属于本机关、单位或者本系统职权范围的…应当在5个工作日内提出异议
  {
    kind: 'objection',
    article: `${XF}第23条`,
    amount: 5,
    unit: 'working-day',
    startsOn: 'case.dispatched',
    extensionMaxDays: 0,
    pausedBy: [],
    label: '异议退回',
  },
  // Art 34: 自受理之日起60日内办结；情况复杂的…可以适当延长，但延长期限不得超过30日 (claims, Art 31 ⑥).
  // The original stage only: review and re-review have their own 30-day clocks (Art 35, 36).
  {
    kind: 'handling',
    article: `${XF}第34条（第31条第6项）`,
    amount: 60,
    unit: 'calendar-day',
    startsOn: 'case.accepted',
    extensionMaxDays: 30,
    pausedBy: [],
    types: ['claim'],
    stages: ['original'],
    label: '办理答复',
  },
  // Art 22: 交办 — the bureau sets the date of the completion report (办结报告)
  {
    kind: 'assignment-feedback',
    article: `${XF}第22条`,
    amount: null,
    unit: 'calendar-day',
    startsOn: 'case.dispatched',
    extensionMaxDays: 0,
    pausedBy: [],
    label: '交办反馈',
  },
  // 满意度评价 online (Art 21, DESIGN §2); the 30 days are the platform's default, not a figure of the regulation
  {
    kind: 'rating-window',
    article: `${XF}第21条（满意度评价）`,
    amount: 30,
    unit: 'calendar-day',
    startsOn: 'case.reply-served',
    extensionMaxDays: 0,
    pausedBy: [],
    label: '满意度评价',
  },
  // Art 35: 自收到书面答复之日起30日内请求…上一级机关、单位复查
  {
    kind: 'review-request-window',
    article: `${XF}第35条`,
    amount: 30,
    unit: 'calendar-day',
    startsOn: 'case.reply-served',
    extensionMaxDays: 0,
    pausedBy: [],
    stages: ['original'],
    label: '请求复查',
  },
  // Art 35: 收到复查请求之日起30日内提出复查意见
  {
    kind: 'review-handling',
    article: `${XF}第35条`,
    amount: 30,
    unit: 'calendar-day',
    startsOn: 'petition.review-requested',
    extensionMaxDays: 0,
    pausedBy: [],
    stages: ['review'],
    label: '复查',
  },
  // Art 36: 自收到书面复查意见之日起30日内…请求复核
  {
    kind: 're-review-request-window',
    article: `${XF}第36条`,
    amount: 30,
    unit: 'calendar-day',
    startsOn: 'case.reply-served',
    extensionMaxDays: 0,
    pausedBy: [],
    stages: ['review'],
    label: '请求复核',
  },
  // Art 36: 收到复核请求之日起30日内提出复核意见；听证所需时间不计算在前款规定的期限内
  {
    kind: 're-review-handling',
    article: `${XF}第36条`,
    amount: 30,
    unit: 'calendar-day',
    startsOn: 'petition.review-requested',
    extensionMaxDays: 0,
    pausedBy: ['hearing'],
    stages: ['re-review'],
    label: '复核',
  },
  // Art 40: 督办 — the unit answers in writing by the date the bureau sets
  {
    kind: 'supervision-order-answer',
    article: `${XF}第40条`,
    amount: null,
    unit: 'calendar-day',
    startsOn: 'case.supervision-order-issued',
    extensionMaxDays: 0,
    pausedBy: [],
    label: '督办回复',
  },
];

/**
 * 12345-hotline style clocks, to show (and seed) that local rules are the same data: a jurisdiction that runs
 * its hotline on the platform adds these to its policy. Figures are common local practice, not national law.
 */
export const HOTLINE_12345_CLOCKS: readonly ClockSpec[] = [
  {
    kind: 'hotline-handling',
    article: '12345热线工单办理规范（地方）',
    amount: 5,
    unit: 'working-day',
    startsOn: 'case.dispatched',
    extensionMaxDays: 5,
    pausedBy: [],
    label: '工单办理',
  },
  {
    kind: 'hotline-return',
    article: '12345热线工单办理规范（地方）',
    amount: 2,
    unit: 'working-day',
    startsOn: 'case.dispatched',
    extensionMaxDays: 0,
    pausedBy: [],
    label: '工单回退',
  },
];
