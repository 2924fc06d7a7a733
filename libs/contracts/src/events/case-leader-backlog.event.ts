import { z } from 'zod';
import { reasonSchema, unitIdSchema } from '../vocabulary/codes';
import { staffRefSchema } from './shared-refs.event';

/**
 * `case.leader-assigned` v1 — 领导包案: a leader (`leaderRef`, of unit `unitId`) takes charge of the case until it is
 * resolved (《信访工作条例》第12、13条 领导干部接访下访、包案化解).
 */
export const caseLeaderAssignedV1 = z.object({
  leaderRef: staffRefSchema,
  unitId: unitIdSchema,
  reason: reasonSchema.optional(),
});
export type CaseLeaderAssigned = z.infer<typeof caseLeaderAssignedV1>;

/** `case.backlog-registered` v1 — 积案: the case joins the backlog of the responsible unit (`unitId`) (第39条 化解积案). */
export const caseBacklogRegisteredV1 = z.object({
  unitId: unitIdSchema,
  reason: reasonSchema,
});
export type CaseBacklogRegistered = z.infer<typeof caseBacklogRegisteredV1>;

/** `case.backlog-cleared` v1 — 积案化解: the case left the backlog (resolved, or registered in error). */
export const caseBacklogClearedV1 = z.object({
  unitId: unitIdSchema,
  reason: reasonSchema.optional(),
});
export type CaseBacklogCleared = z.infer<typeof caseBacklogClearedV1>;
