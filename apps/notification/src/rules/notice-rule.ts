import { noticeKindSchema } from '@sunshine/contracts';
import { StaffRoles } from '@sunshine/platform';
import { z } from 'zod';

/** The channels a rule may name (the ChannelProvider's names). */
export const ruleChannelSchema = z.enum(['in-app', 'sms', 'email', 'webhook']);

/** Which unit a unit notice goes to: a payload field naming one unit (or a list), the holding unit, or an alert's bureaus. */
export const unitTargetSchema = z.discriminatedUnion('from', [
  z.object({
    from: z.literal('payload'),
    field: z.enum(['toUnitId', 'unitId', 'assistingUnitId', 'bureauUnitId', 'fromUnitId', 'toUnitIds']),
  }),
  z.object({ from: z.literal('holding') }),
  /** An alert's division: every supervising unit (bureau or petition office) of it and of the divisions above it. */
  z.object({ from: z.literal('alert-division') }),
]);
export type UnitTarget = z.infer<typeof unitTargetSchema>;

export const recipientSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('unit'), unit: unitTargetSchema, roles: z.array(z.enum(StaffRoles)).min(1) }),
  z.object({ kind: z.literal('petitioner') }),
]);
export type RuleRecipient = z.infer<typeof recipientSchema>;

/** A condition on the event: `payload.<field>` or `case.<field>` (the case after the event) is one of `in`. */
export const conditionSchema = z.object({
  path: z.string().regex(/^(payload|case)\.[a-zA-Z]+$/),
  in: z.array(z.union([z.string(), z.boolean()])).min(1),
});
export type RuleCondition = z.infer<typeof conditionSchema>;

/** One line of the notice rule table: an event → a notice kind, its recipient and channels. */
export const noticeRuleSchema = z.object({
  /** The notice kind (templates are named after it), e.g. `unit.case-arrived`, `petitioner.reply`. */
  kind: z.string().regex(/^(unit|petitioner)\.[a-z-]+$/),
  /** The event type that triggers it. */
  event: z.string().regex(/^[a-z]+\.[a-z-]+$/),
  when: z.array(conditionSchema).optional(),
  recipient: recipientSchema,
  /** Channels in the order tried; a petitioner notice goes only on the channels the petitioner's preference allows. */
  channels: z.array(ruleChannelSchema).min(1),
  /** Urgent notices ignore the quiet hours. */
  urgent: z.boolean().optional(),
  /** The legal notice it is (`case.notice-delivered` / `case.notice-failed` follow its deliveries). */
  legal: noticeKindSchema.optional(),
});
export type NoticeRule = z.infer<typeof noticeRuleSchema>;

/** A versioned rule table: the defaults in code, or a jurisdiction's own (stored, never edited in place). */
export const noticeRuleSetSchema = z.object({
  version: z.number().int().min(1),
  rules: z.array(noticeRuleSchema).min(1).max(200),
});
export type NoticeRuleSet = z.infer<typeof noticeRuleSetSchema>;
