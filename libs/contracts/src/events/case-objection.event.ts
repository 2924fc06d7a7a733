import { z } from 'zod';

import { reasonSchema, unitIdSchema } from '../vocabulary/codes';

/** The objecting unit (`unitId`, holding a forwarded case) and the forwarding bureau that decides (`bureauUnitId`). */
const objectionParties = { unitId: unitIdSchema, bureauUnitId: unitIdSchema };

/**
 * `case.objection-raised` v1 — 提出异议 (退回): the unit holding a forwarded case (`unitId`) says it is outside its remit,
 * with detailed reasons, within 5 working days (《信访工作条例》第23条). `bureauUnitId` is the forwarding bureau that decides.
 */
export const caseObjectionRaisedV1 = z.object({ ...objectionParties, reason: reasonSchema });
export type CaseObjectionRaised = z.infer<typeof caseObjectionRaisedV1>;

/**
 * `case.objection-approved` v1 — 异议成立: the forwarding bureau checked and agreed (第23条); the case goes back to it
 * to be dispatched again. `unitId` is the objecting unit.
 */
export const caseObjectionApprovedV1 = z.object({ ...objectionParties, reason: reasonSchema.optional() });
export type CaseObjectionApproved = z.infer<typeof caseObjectionApprovedV1>;

/**
 * `case.objection-rejected` v1 — 异议不成立: the bureau disagreed; the objecting unit (`unitId`) keeps the case. Disputes
 * that remain go to the common superior, then the joint conference (第24条).
 */
export const caseObjectionRejectedV1 = z.object({ ...objectionParties, reason: reasonSchema });
export type CaseObjectionRejected = z.infer<typeof caseObjectionRejectedV1>;
