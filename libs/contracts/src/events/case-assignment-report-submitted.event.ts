import { z } from 'zod';

import { unitIdSchema } from '../vocabulary/codes';
import { documentRefSchema } from './shared-refs.event';

/**
 * `case.assignment-report-submitted` v1 — 办结报告: the unit a case was assigned to (交办, `unitId`) reported its
 * completion to the assigning bureau (`bureauUnitId`) (《信访工作条例》第22条).
 */
export const caseAssignmentReportSubmittedV1 = z.object({
  unitId: unitIdSchema,
  bureauUnitId: unitIdSchema,
  reportRef: documentRefSchema,
});
export type CaseAssignmentReportSubmitted = z.infer<typeof caseAssignmentReportSubmittedV1>;
