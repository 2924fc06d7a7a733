import { divisionContains } from '../org';
import type { RuleWhen } from './routing-rule-set';
import type { RuleContext } from './rule-context';

/** True when the case meets every condition of `when` (absent = always). */
export function ruleMatches(when: RuleWhen | undefined, ctx: RuleContext): boolean {
  if (!when) return true;
  const { facts, bureau } = ctx;
  return (
    (when.types === undefined || when.types.includes(facts.type)) &&
    (when.categories === undefined || when.categories.includes(facts.category)) &&
    (when.channels === undefined || when.channels.includes(facts.channel)) &&
    (when.bureauLevels === undefined || when.bureauLevels.includes(bureau.level)) &&
    (when.places === undefined || when.places.some((p) => divisionContains(p, facts.placeCode)))
  );
}
