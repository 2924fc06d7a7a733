import type { StaffRole } from '@sunshine/platform';

import type { NoticeRule, NoticeRuleSet } from './notice-rule';

const CLERKS: StaffRole[] = ['clerk', 'head'];
const unit = (
  field: 'toUnitId' | 'unitId' | 'assistingUnitId' | 'bureauUnitId' | 'toUnitIds',
  roles: StaffRole[],
): NoticeRule['recipient'] => ({ kind: 'unit', unit: { from: 'payload', field }, roles });
const PETITIONER = { kind: 'petitioner' } as const;
const TO_PETITIONER = ['sms', 'email'] as const;
/** What a unit wants in its official mailbox too (only a unit that has one is mailed; docs/notification.md). */
const TO_UNIT_MAILBOX: NoticeRule['channels'] = ['in-app', 'webhook', 'email'];

/**
 * The notice rule table in force unless a jurisdiction stores its own (docs/notification.md, "Rule table"). Units hear
 * of what lands in their inbox and what supervision says about them; petitioners get the notices the regulation
 * requires. A unit that may not see the case (the one visibility rule) is never told, whatever a rule says.
 */
export const DEFAULT_NOTICE_RULES: NoticeRuleSet = {
  version: 1,
  rules: [
    // units: the inbox (转送/交办, a stage opened, 协办)
    { kind: 'unit.case-arrived', event: 'case.dispatched', recipient: unit('toUnitId', CLERKS), channels: TO_UNIT_MAILBOX },
    { kind: 'unit.case-arrived', event: 'case.stage-opened', recipient: unit('unitId', CLERKS), channels: TO_UNIT_MAILBOX },
    {
      kind: 'unit.assist-requested',
      event: 'case.assisting-unit-added',
      recipient: unit('assistingUnitId', CLERKS),
      channels: TO_UNIT_MAILBOX,
    },
    // objections (第23条): the bureau decides, the objecting unit hears the decision
    {
      kind: 'unit.objection-raised',
      event: 'case.objection-raised',
      recipient: unit('bureauUnitId', ['dispatcher', 'head']),
      channels: ['in-app'],
    },
    { kind: 'unit.objection-decided', event: 'case.objection-approved', recipient: unit('unitId', CLERKS), channels: ['in-app'] },
    { kind: 'unit.objection-decided', event: 'case.objection-rejected', recipient: unit('unitId', CLERKS), channels: ['in-app'] },
    // supervision (第39、40条, 第25条)
    {
      kind: 'unit.supervision-order',
      event: 'case.supervision-order-issued',
      recipient: unit('unitId', ['head', 'clerk']),
      channels: TO_UNIT_MAILBOX,
      urgent: true,
    },
    {
      kind: 'unit.supervision-reminder',
      event: 'case.supervision-order-reminded',
      recipient: unit('unitId', ['clerk', 'head']),
      channels: TO_UNIT_MAILBOX,
      urgent: true,
    },
    { kind: 'unit.deadline-warning', event: 'case.deadline-warning', recipient: unit('unitId', ['head', 'handler']), channels: ['in-app'] },
    { kind: 'unit.overdue', event: 'case.overdue', recipient: unit('unitId', ['head', 'handler']), channels: ['in-app', 'webhook'] },
    { kind: 'unit.escalated', event: 'case.escalated', recipient: unit('toUnitId', ['supervisor', 'head']), channels: ['in-app'] },
    { kind: 'unit.escalated', event: 'case.escalated', recipient: unit('unitId', ['head']), channels: ['in-app'] },
    {
      kind: 'unit.reported-up',
      event: 'case.reported-up',
      recipient: unit('toUnitIds', ['head', 'leader']),
      channels: TO_UNIT_MAILBOX,
      urgent: true,
    },
    {
      kind: 'unit.early-warning',
      event: 'alert.early-warning',
      recipient: { kind: 'unit', unit: { from: 'alert-division' }, roles: ['supervisor', 'head'] },
      channels: ['in-app'],
      urgent: true,
    },
    // evaluation (满意度评议): the flagged staff member's unit head, if the unit may see every case the flag counts
    { kind: 'unit.staff-flagged', event: 'evaluation.staff-flagged', recipient: unit('unitId', ['head']), channels: ['in-app'] },
    // petitioners
    { kind: 'petitioner.receipt', event: 'petition.registered', recipient: PETITIONER, channels: [...TO_PETITIONER], legal: 'receipt' },
    {
      kind: 'petitioner.accepted',
      event: 'case.accepted',
      recipient: PETITIONER,
      channels: [...TO_PETITIONER],
      legal: 'acceptance-decision',
    },
    {
      kind: 'petitioner.not-accepted',
      event: 'case.not-accepted',
      recipient: PETITIONER,
      channels: [...TO_PETITIONER],
      legal: 'acceptance-decision',
    },
    {
      kind: 'petitioner.extension',
      event: 'case.extension-approved',
      recipient: PETITIONER,
      channels: [...TO_PETITIONER],
      legal: 'extension',
    },
    // 电子送达 of the written reply to online petitioners: its delivery receipt is the service routing records (第35条)
    {
      kind: 'petitioner.reply',
      event: 'case.replied',
      when: [{ path: 'case.channel', in: ['online', 'app'] }],
      recipient: PETITIONER,
      channels: ['sms'],
      legal: 'reply',
    },
    {
      kind: 'petitioner.rating-invitation',
      event: 'case.reply-served',
      recipient: PETITIONER,
      channels: [...TO_PETITIONER],
      legal: 'rating-invitation',
    },
    {
      kind: 'petitioner.review-eligible',
      event: 'petition.rated',
      when: [
        { path: 'payload.score', in: ['dissatisfied'] },
        { path: 'case.claimRoute', in: ['petition'] },
      ],
      recipient: PETITIONER,
      channels: [...TO_PETITIONER],
    },
    { kind: 'petitioner.review-received', event: 'petition.review-requested', recipient: PETITIONER, channels: [...TO_PETITIONER] },
    { kind: 'petitioner.finalized', event: 'case.finalized', recipient: PETITIONER, channels: [...TO_PETITIONER], legal: 'other' },
    // 个人信息更正、删除请求的处理结果 (PIPL Art 46, 47, 50): the outcome only (a deleted case's phone is gone with it: skipped)
    ...(['corrected', 'deleted', 'refused'] as const).map((outcome) => ({
      kind: `petitioner.personal-data-${outcome}`,
      event: 'petition.personal-data-request-decided' as const,
      when: [{ path: 'payload.outcome', in: [outcome] }],
      recipient: PETITIONER,
      channels: [...TO_PETITIONER],
    })),
  ],
};
