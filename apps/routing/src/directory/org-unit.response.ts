import { type OrgUnitSnapshot, orgUnitSnapshotV1 } from '@sunshine/contracts';
import type { AssertTrue, ResponseMatches } from '@sunshine/platform';
import { z } from 'zod';

/** GET /org/units/{id}, PATCH /org/units/{id}: the unit's full snapshot, as the org-directory topic carries it. */
export const orgUnitSchema = orgUnitSnapshotV1;

/** GET /org/units: the units matching the filter (one page) and how many match. */
export const orgUnitListSchema = z.object({
  items: z.array(orgUnitSnapshotV1),
  total: z.number().int().describe('符合条件的单位总数 / how many units match'),
});

/** Compile-time guards: the service's types and the documented schemas stay one. */
export type OrgUnitDocumented = AssertTrue<ResponseMatches<OrgUnitSnapshot, typeof orgUnitSchema>>;
export type OrgUnitListDocumented = AssertTrue<ResponseMatches<{ items: OrgUnitSnapshot[]; total: number }, typeof orgUnitListSchema>>;
