import type { AssertTrue, ResponseMatches } from '@sunshine/platform';
import { z } from 'zod';

import type { EscalationView } from './escalation-query.service';

/** GET /escalations: the escalations (提级督办) of the cases in my jurisdiction. */
export const escalationListSchema = z.array(
  z.object({
    caseId: z.uuid(),
    caseNumber: z.string().nullable(),
    orderId: z.uuid().nullable().describe('所涉督办单 / the order escalated, if any'),
    unitId: z.string().describe('被督办单位 / the unit ordered'),
    fromUnitId: z.string(),
    toUnitId: z.string().describe('提级至 / escalated to'),
    policyStep: z.number().int().describe('提级规则的第几步 / the policy step'),
    reasonCode: z.string(),
    escalatedAt: z.string(),
  }),
);

/** Compile-time guard: the service's type and the documented schema stay one. */
export type EscalationListDocumented = AssertTrue<ResponseMatches<EscalationView[], typeof escalationListSchema>>;
