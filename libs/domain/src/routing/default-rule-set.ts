import { parseRoutingRuleSet, type RoutingRuleSet } from './routing-rule-set';

/** The law's routing, as data: accusations, lawsuits, then 属地 → 主管 → 逐级 (DESIGN §5, Art 5, 22, 30, 31). */
export const DEFAULT_ROUTING_RULE_SET: RoutingRuleSet = parseRoutingRuleSet({
  id: 'default',
  version: 1,
  rules: [
    { id: 'accusation-discipline', kind: 'accusation' },
    { id: 'lawsuit-political-legal', kind: 'lawsuit' },
    { id: 'territory-competence-level', kind: 'territorial' },
  ],
});
