import {
  claimRouteSchema,
  closingReasonCodeSchema,
  manualDispatchReasonCodeSchema,
  properChannelSchema,
  reasonSchema,
  staffRefSchema,
  unitIdSchema,
} from '@sunshine/contracts';
import { z } from 'zod';

/** A reason staff write: a code and a short text (never the petition's content; at most 200 characters). */
const writtenReason = z.object({ code: z.string().min(1).max(64), text: z.string().trim().min(2).max(200) });

export const emptySchema = z.object({}).default({});
export const assignHandlerSchema = z.object({ handlerId: staffRefSchema });
export const acceptSchema = z.object({ claimRoute: claimRouteSchema.optional(), onTheSpot: z.boolean().optional() }).default({});
export const notAcceptSchema = z.object({
  reason: writtenReason,
  properChannel: properChannelSchema,
  channelUnitId: unitIdSchema.optional(),
});
export const closeSchema = z.object({
  reason: z.object({ code: closingReasonCodeSchema.exclude(['window-passed', 'merged']), text: z.string().max(200).optional() }),
});

/** 异议 (Art 23): detailed reasons why the case is outside the unit's remit. */
export const raiseObjectionSchema = z.object({ reason: writtenReason });
export const redispatchSchema = z.object({
  toUnitId: unitIdSchema,
  mode: z.enum(['forward', 'assign']),
  /** 交办: days until the completion report is due (Art 22). */
  feedbackDays: z.number().int().min(1).max(90).optional(),
  reason: z.object({ code: z.string().min(1).max(64).default('manual'), text: z.string().trim().min(2).max(180) }),
});
/** Why a person at the desk must decide; objected-twice and rule-error are the system's to record. */
export const requireManualDispatchSchema = z.object({
  reason: z.object({
    code: manualDispatchReasonCodeSchema.exclude(['objected-twice', 'rule-error']),
    text: z.string().trim().min(2).max(200),
  }),
});
export const approveObjectionSchema = z.object({ reason: reasonSchema.optional(), redispatch: redispatchSchema.optional() }).default({});
export const rejectObjectionSchema = z.object({ reason: writtenReason });

export const hearingSchema = z.object({ hearingId: z.string().min(1).max(64).optional() }).default({});
/** Days asked for; the law's cap (30 in total, Art 34) is decide's to enforce, with its reason. */
export const requestExtensionSchema = z.object({ days: z.number().int().min(1).max(366), reason: writtenReason });
export const approveExtensionSchema = z
  .object({ days: z.number().int().min(1).max(366).optional(), reason: reasonSchema.optional() })
  .default({});
export const rejectExtensionSchema = z.object({ reason: writtenReason });
export const addAssistingUnitSchema = z.object({ assistingUnitId: unitIdSchema });
export const writtenTextSchema = z.object({ text: z.string().trim().min(5).max(20000) });

export type AssignHandlerDto = z.infer<typeof assignHandlerSchema>;
export type AcceptDto = z.infer<typeof acceptSchema>;
export type NotAcceptDto = z.infer<typeof notAcceptSchema>;
export type CloseDto = z.infer<typeof closeSchema>;
export type RaiseObjectionDto = z.infer<typeof raiseObjectionSchema>;
export type RedispatchDto = z.infer<typeof redispatchSchema>;
export type RequireManualDispatchDto = z.infer<typeof requireManualDispatchSchema>;
export type ApproveObjectionDto = z.infer<typeof approveObjectionSchema>;
export type RejectObjectionDto = z.infer<typeof rejectObjectionSchema>;
export type HearingDto = z.infer<typeof hearingSchema>;
export type RequestExtensionDto = z.infer<typeof requestExtensionSchema>;
export type ApproveExtensionDto = z.infer<typeof approveExtensionSchema>;
export type RejectExtensionDto = z.infer<typeof rejectExtensionSchema>;
export type AddAssistingUnitDto = z.infer<typeof addAssistingUnitSchema>;
export type WrittenTextDto = z.infer<typeof writtenTextSchema>;
