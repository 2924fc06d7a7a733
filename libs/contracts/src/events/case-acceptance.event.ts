import { z } from 'zod';

import { reasonSchema, unitIdSchema, vocabulary } from '../vocabulary/codes';

/**
 * The legal procedures a claim is led into instead of the petition route (导入相应法定程序, 《信访工作条例》第31条):
 * litigation, arbitration, administrative review, a party appeal, other administrative procedures.
 */
export const LegalProcedures = ['litigation', 'arbitration', 'administrative-review', 'party-appeal', 'administrative-procedure'] as const;

/**
 * How a 申诉求决 claim is handled (《信访工作条例》第31条): led into another legal procedure (litigation, arbitration,
 * administrative review, party appeal, other administrative procedures), handled as a statutory duty, or on the
 * petition route with a written 信访处理意见书 (the only route with review 复查 and re-review 复核).
 */
export const [ClaimRoutes, claimRouteSchema] = vocabulary([...LegalProcedures, 'statutory-duty', 'petition']);
export type ClaimRoute = z.infer<typeof claimRouteSchema>;

/** Where a petitioner is told to go when a petition is not accepted (告知信访人向有权机关提出 / 导入法定程序). */
export const [ProperChannels, properChannelSchema] = vocabulary([
  ...LegalProcedures,
  'competent-organ',
  'already-in-handling',
  'no-further-petition',
]);
export type ProperChannel = z.infer<typeof properChannelSchema>;

/**
 * `case.accepted` v1 — 受理: the competent unit accepted the case (《信访工作条例》第23条; the written notice goes out
 * through notification). `claimRoute` says how a 申诉求决 claim will be handled (第31条); absent for suggestions and
 * accusations. `onTheSpot` marks a decision made at once for a direct petition (当场告知).
 */
export const caseAcceptedV1 = z.object({
  unitId: unitIdSchema,
  claimRoute: claimRouteSchema.optional(),
  onTheSpot: z.boolean().optional(),
});
export type CaseAccepted = z.infer<typeof caseAcceptedV1>;

/**
 * `case.not-accepted` v1 — 不予受理: a recorded decision on a registered case (e.g. a repeat within the time limit,
 * 《信访工作条例》第19条; a matter for another legal procedure, 第31条; 不再受理 after re-review, 第36条), with the reason
 * and the channel the petitioner is told to use (第23条). `channelUnitId` names the competent organ where known.
 */
export const caseNotAcceptedV1 = z.object({
  unitId: unitIdSchema,
  reason: reasonSchema,
  properChannel: properChannelSchema,
  channelUnitId: unitIdSchema.optional(),
});
export type CaseNotAccepted = z.infer<typeof caseNotAcceptedV1>;
