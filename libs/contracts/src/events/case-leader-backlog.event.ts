import { z } from 'zod';

import { reasonSchema, unitIdSchema } from '../vocabulary/codes';
import { staffRefSchema } from './shared-refs.event';

/**
 * `case.leader-assigned` v1 — 领导包案: a leader (`leaderRef`, of unit `unitId`) takes charge of the case until it is
 * resolved (领导干部接访下访、包案化解: the leadership responsibility of 《信访工作条例》 chapter 2; followed by supervision).
 */
export const caseLeaderAssignedV1 = z.object({
  leaderRef: staffRefSchema,
  unitId: unitIdSchema,
  reason: reasonSchema.optional(),
});
export type CaseLeaderAssigned = z.infer<typeof caseLeaderAssignedV1>;

/**
 * `case.backlog-registered` v1 — 积案: the case joins the backlog of the responsible unit (`unitId`), worked off under
 * supervision (督查督办, 《信访工作条例》第39、40条).
 */
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
