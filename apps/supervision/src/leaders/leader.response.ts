import type { AssertTrue, ResponseMatches } from '@sunshine/platform';
import { z } from 'zod';

import { caseListItemSchema } from '../city-view/city-view.response';
import type { LeaderCase } from './leader.service';

/** GET /leader/cases: the cases the caller is the leader in charge of (领导包案), with who assigned it and when. */
export const leaderCaseListSchema = z.array(
  caseListItemSchema.extend({
    assignedAt: z.string(),
    assignedBy: z.string().describe('安排者 / who assigned it'),
    leaderUnitId: z.string().describe('包案领导所在单位 / the leader’s unit'),
  }),
);

/** Compile-time guard: the service's type and the documented schema stay one. */
export type LeaderCaseListDocumented = AssertTrue<ResponseMatches<LeaderCase[], typeof leaderCaseListSchema>>;
