import { z } from 'zod';

/**
 * A closed list of codes and the zod schema that accepts exactly them, made from the one list:
 * `export const [Channels, channelSchema] = vocabulary([...])`. Codes never change once shipped.
 */
export function vocabulary<const T extends readonly [string, ...string[]]>(codes: T) {
  return [codes, z.enum(codes)] as const;
}

/** Statistics bureau division code: 12 digits (GB/T 2260's 6 digits padded with zeros for county level and up). */
export const divisionCodeSchema = z.string().regex(/^\d{12}$/, 'division code must be 12 digits (统计用区划代码)');
export type DivisionCode = z.infer<typeof divisionCodeSchema>;

/** Stable unit id, e.g. `410726000000:petition-bureau`. */
export const unitIdSchema = z
  .string()
  .min(3)
  .max(96)
  .regex(/^[0-9a-z][0-9a-z:._-]*$/, 'unit id: lowercase letters, digits and : . _ -');
export type UnitId = z.infer<typeof unitIdSchema>;

export const uuidSchema = z.uuid();

export const [Channels, channelSchema] = vocabulary(['visit', 'letter', 'online', 'sms', 'hotline', 'mailbox', 'app', 'fax', 'phone']);
export type Channel = z.infer<typeof channelSchema>;

/** 建议意见 / 检举控告 / 申诉求决 */
export const [PetitionTypes, petitionTypeSchema] = vocabulary(['suggestion', 'accusation', 'claim']);
export type PetitionType = z.infer<typeof petitionTypeSchema>;

/** Category codes are data (extensible per jurisdiction): a short lowercase code. */
export const categoryCodeSchema = z.string().regex(/^[a-z][a-z0-9-]{1,47}$/, 'category code: lowercase code');
export type CategoryCode = z.infer<typeof categoryCodeSchema>;

export const [Stages, stageSchema] = vocabulary(['original', 'review', 're-review']);
export type Stage = z.infer<typeof stageSchema>;

/** One status list, used everywhere (DESIGN §4). Flags are not statuses. */
export const [CaseStatuses, caseStatusSchema] = vocabulary([
  'registered',
  'dispatched',
  'signed',
  'accepted',
  'not-accepted',
  'objection-pending',
  'in-progress',
  'replied',
  'closed',
  'finalized',
  'withdrawn',
]);
export type CaseStatus = z.infer<typeof caseStatusSchema>;

/** 转送 forward / 交办 assign */
export const [DispatchModes, dispatchModeSchema] = vocabulary(['forward', 'assign']);
export type DispatchMode = z.infer<typeof dispatchModeSchema>;

export const isoDateTimeSchema = z.iso.datetime({ offset: false });
/** A calendar date (Asia/Shanghai), e.g. a deadline's last day. */
export const isoDateSchema = z.iso.date();

/** Staff-written reasons travel as a code (from `code`, e.g. a closed vocabulary) plus short text, never the petition's content. */
export function reasonOf<C extends z.ZodType<string>>(code: C) {
  return z.object({ code, text: z.string().max(200).optional() });
}

export const reasonSchema = reasonOf(z.string().min(1).max(64));
export type Reason = z.infer<typeof reasonSchema>;
