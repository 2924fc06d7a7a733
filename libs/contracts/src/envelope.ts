import { z } from 'zod';

import { divisionCodeSchema, isoDateTimeSchema, unitIdSchema, uuidSchema } from './vocabulary/codes';

export const actorSchema = z.object({
  kind: z.enum(['citizen', 'staff', 'system']),
  /** Staff subject or service name; for citizens an opaque reference, never a name or ID number. */
  id: z.string().min(1).max(96),
  unitId: unitIdSchema.optional(),
});
export type Actor = z.infer<typeof actorSchema>;

/**
 * Division codes from the city down, so each level filters without a lookup. Visibility itself comes from the
 * case projection (every unit that ever held the case), not from one event.
 */
export const jurisdictionSchema = z.object({
  place: z.array(divisionCodeSchema).max(5),
  unit: z.array(divisionCodeSchema).max(5),
});
export type Jurisdiction = z.infer<typeof jurisdictionSchema>;

/** The envelope of every event on every topic. */
export const envelopeSchema = z.object({
  id: uuidSchema,
  type: z.string().regex(/^[a-z]+(\.[a-z-]+)+$/),
  version: z.number().int().positive(),
  occurredAt: isoDateTimeSchema,
  producer: z.string().min(1).max(32),
  caseId: uuidSchema.optional(),
  jurisdiction: jurisdictionSchema,
  actor: actorSchema,
  correlationId: z.string().min(1).max(96),
  causationId: z.string().max(96).nullable(),
  payload: z.unknown(),
});
export type Envelope<TType extends string = string, TPayload = unknown> = Omit<z.infer<typeof envelopeSchema>, 'type' | 'payload'> & {
  type: TType;
  payload: TPayload;
};
