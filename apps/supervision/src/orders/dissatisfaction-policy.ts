import { divisionCodeSchema, supervisionTriggerSchema } from '@sunshine/contracts';
import { divisionContains, divisionLevelOf, levelDepth } from '@sunshine/domain';
import { z } from 'zod';

/**
 * What supervision does by itself when the petitioner rates the handling unit 不满意 (a jurisdiction's choice, as
 * data): `review` flags the rating to the unit's supervising bureau, which decides (no label is put on anyone);
 * `order` issues a supervision order (督办单, Art 40) under the label the policy names; `none` does nothing.
 */
export const dissatisfactionPolicySchema = z
  .object({
    /** The territory it applies in: the city, or a county / township of it (the most specific one wins). */
    jurisdiction: divisionCodeSchema,
    response: z.enum(['review', 'order', 'none']),
    /** With `order`: the order's label (e.g. `perfunctory` 敷衍, `other`); a person chose it when writing the policy. */
    trigger: supervisionTriggerSchema.optional(),
  })
  .refine((p) => p.response !== 'order' || p.trigger !== undefined, {
    message: 'an order policy names its trigger (the label of the order)',
    path: ['trigger'],
  })
  .refine((p) => p.response === 'order' || p.trigger === undefined, { message: 'only an order policy has a trigger', path: ['trigger'] });
export type DissatisfactionPolicy = z.infer<typeof dissatisfactionPolicySchema>;

/** Without a policy: flag for review, no label (no one decided that the handling was perfunctory). */
export const DEFAULT_DISSATISFACTION_POLICY: Omit<DissatisfactionPolicy, 'jurisdiction'> = { response: 'review' };

/** The policy in force at `divisionCode` (the case's place): the most specific jurisdiction containing it, else the default. */
export function dissatisfactionPolicyAt(
  policies: readonly DissatisfactionPolicy[],
  divisionCode: string | null,
): Omit<DissatisfactionPolicy, 'jurisdiction'> {
  if (divisionCode === null) return DEFAULT_DISSATISFACTION_POLICY;
  const depth = (p: DissatisfactionPolicy) => levelDepth(divisionLevelOf(p.jurisdiction));
  const applicable = policies.filter((p) => divisionContains(p.jurisdiction, divisionCode)).sort((a, b) => depth(b) - depth(a));
  const found = applicable[0];
  return found ? { response: found.response, ...(found.trigger ? { trigger: found.trigger } : {}) } : DEFAULT_DISSATISFACTION_POLICY;
}
