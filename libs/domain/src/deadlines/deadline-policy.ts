import { type DivisionCode, divisionCodeSchema } from '@sunshine/contracts';
import { z } from 'zod';

import { divisionContains, divisionLevelOf, levelDepth } from '../org/division-code';
import { clockOverrideSchema, type ClockSpec, clockSpecSchema } from './clock-spec';
import { DeadlineError } from './deadline-error';
import { LAW_DEFAULT_CLOCKS } from './law-default-clocks';

/**
 * A jurisdiction's clocks as data. `jurisdiction: null` applies everywhere; a city's policy applies in the whole
 * city and a county's on top of it. Anything not overridden keeps the law's default; a new kind (e.g. a 12345
 * clock) must give every field of a clock spec.
 */
export const deadlinePolicySchema = z.object({
  id: z.string().min(1).max(64),
  jurisdiction: divisionCodeSchema.nullable(),
  clocks: z.array(clockOverrideSchema),
});
export type DeadlinePolicy = z.input<typeof deadlinePolicySchema>;

function specificity(policy: DeadlinePolicy): number {
  return policy.jurisdiction === null ? -1 : levelDepth(divisionLevelOf(policy.jurisdiction));
}

const NO_POLICIES: readonly DeadlinePolicy[] = [];
/** Resolved clocks per policy list (by identity: a list of policies is replaced, never changed) and division. */
const resolved = new WeakMap<readonly DeadlinePolicy[], Map<string, ReadonlyMap<string, ClockSpec>>>();

/**
 * Every clock in force at `divisionCode` (the place, or the unit's territory): the law's defaults, then each
 * applicable policy from the broadest to the most specific. Without a division code only nationwide policies apply.
 * The answer is remembered for the same policy list (treat a list as immutable: replace it to change policies).
 */
export function resolveClockSpecs(
  policies: readonly DeadlinePolicy[] = NO_POLICIES,
  divisionCode?: DivisionCode,
): ReadonlyMap<string, ClockSpec> {
  const list = policies.length === 0 ? NO_POLICIES : policies;
  let byDivision = resolved.get(list);
  if (byDivision === undefined) {
    byDivision = new Map();
    resolved.set(list, byDivision);
  }
  const key = list === NO_POLICIES ? '' : (divisionCode ?? '');
  const known = byDivision.get(key);
  if (known !== undefined) return known;
  const specs = resolveUncached(list, divisionCode);
  byDivision.set(key, specs);
  return specs;
}

function resolveUncached(policies: readonly DeadlinePolicy[], divisionCode?: DivisionCode): Map<string, ClockSpec> {
  const specs = new Map<string, ClockSpec>(LAW_DEFAULT_CLOCKS.map((s) => [s.kind, s]));
  const applicable = policies
    .map((p) => deadlinePolicySchema.parse(p))
    .filter((p) => p.jurisdiction === null || (divisionCode !== undefined && divisionContains(p.jurisdiction, divisionCode)))
    .sort((a, b) => specificity(a) - specificity(b));
  for (const policy of applicable) {
    for (const override of policy.clocks) {
      const merged = clockSpecSchema.safeParse({ ...specs.get(override.kind), ...stripUndefined(override) });
      if (!merged.success) {
        throw new DeadlineError('INVALID_POLICY', `policy ${policy.id}, clock ${override.kind}: ${merged.error.message}`);
      }
      specs.set(override.kind, merged.data);
    }
  }
  return specs;
}

/** The clock `kind` in force at `divisionCode`; throws `UNKNOWN_CLOCK` when no policy defines it. */
export function clockSpecFor(kind: string, options: { policies?: readonly DeadlinePolicy[]; divisionCode?: DivisionCode } = {}): ClockSpec {
  const spec = resolveClockSpecs(options.policies, options.divisionCode).get(kind);
  if (!spec) throw new DeadlineError('UNKNOWN_CLOCK', `no clock "${kind}" in force here`);
  return spec;
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
