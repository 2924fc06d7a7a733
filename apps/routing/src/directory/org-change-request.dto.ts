import { unitIdSchema } from '@sunshine/contracts';
import { z } from 'zod';

import { createUnitSchema, unitChangesSchema } from './org-admin.dto';

/** Why: required on every proposal and every rejection, kept with the request. */
const reason = z.string().trim().min(2).max(500);

/** A trust-bearing change of the directory: a new unit, or an existing unit's kind, parent, territory or competences. */
export const proposeChangeSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('create'), unit: createUnitSchema, reason }),
  z.object({ action: z.literal('update'), unitId: unitIdSchema, changes: unitChangesSchema, reason }),
]);
export type ProposeChangeDto = z.infer<typeof proposeChangeSchema>;

export const approveChangeSchema = z.object({ note: z.string().trim().min(1).max(500).optional() }).default({});
export type ApproveChangeDto = z.infer<typeof approveChangeSchema>;

export const rejectChangeSchema = z.object({ reason });
export type RejectChangeDto = z.infer<typeof rejectChangeSchema>;

export const ChangeRequestStatuses = ['pending', 'applied', 'rejected'] as const;
export type ChangeRequestStatus = (typeof ChangeRequestStatuses)[number];

export const changeRequestListQuerySchema = z.object({
  status: z.enum(ChangeRequestStatuses).optional(),
  /** The history of one unit. */
  unitId: unitIdSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type ChangeRequestListQuery = z.infer<typeof changeRequestListQuerySchema>;
