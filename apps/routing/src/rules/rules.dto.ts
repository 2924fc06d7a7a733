import { routingRuleSchema, routingRuleSetSchema } from '@sunshine/domain';
import { isoInstantSchema } from '@sunshine/platform';
import { z } from 'zod';

/**
 * A new version of a rule set: its id, ordered rules and why it is stored (required, kept with the version and shown in
 * the version list); the version number is given by the store.
 */
export const createRuleSetSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/),
    rules: z.array(routingRuleSchema).min(1).max(100),
    reason: z.string().trim().min(1, '须说明保存该版本的理由 / a reason is required').max(500),
    note: z.string().max(200).optional(),
  })
  .superRefine((v, ctx) => {
    // The set's own rules (special types before the territorial rule, unique ids), reported on the rule at fault.
    const set = routingRuleSetSchema.safeParse({ id: v.id, version: 0, rules: v.rules });
    if (!set.success) for (const issue of set.error.issues) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
  });
export type CreateRuleSetDto = z.infer<typeof createRuleSetSchema>;

const ref = z.object({ id: z.string().min(1).max(64), version: z.number().int().min(0) });

/** Replay a candidate (inline, or a stored version) against the set in force (or `from`) over past cases. */
export const replaySchema = z
  .object({
    candidate: routingRuleSetSchema.optional(),
    candidateRef: ref.optional(),
    from: ref.optional(),
    since: isoInstantSchema.optional(),
    until: isoInstantSchema.optional(),
    limit: z.number().int().min(1).max(5000).default(1000),
  })
  .refine((v) => (v.candidate === undefined) !== (v.candidateRef === undefined), {
    message: '给出 candidate 或 candidateRef 之一 / give candidate or candidateRef',
    path: ['candidate'],
  });
export type ReplayDto = z.infer<typeof replaySchema>;
