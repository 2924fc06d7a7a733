import { referenceKey, type ReferenceKind } from '@sunshine/contracts';
import {
  type CategoryTaxon,
  type DeadlinePolicy,
  DEFAULT_CATEGORIES,
  DEFAULT_ROUTING_RULE_SET,
  defaultWorkingCalendar,
  defineTaxonomy,
  type RoutingRuleSet,
  type Taxonomy,
  type WorkingCalendar,
} from '@sunshine/domain';

import type { ReferenceItem } from './reference-item';

/** The category table services read when none was published under this id. */
export const DEFAULT_CATEGORY_TABLE_ID = 'default';
/** The one routing-rule-set slot: the set in force. */
export const ACTIVE_RULE_SET_ID = 'active';

/**
 * A service's in-memory view of the reference data: the items it holds, and what services read from them. Built
 * on the bundled defaults (chinese-days' published years, the law's clocks, the built-in rule set, the default
 * categories): a published item replaces the default for its year, policy, slot or table. Immutable.
 */
export class ReferenceState {
  readonly calendar: WorkingCalendar;
  readonly policies: readonly DeadlinePolicy[];
  readonly ruleSet: RoutingRuleSet;
  private readonly tables: ReadonlyMap<string, Taxonomy<string, CategoryTaxon>>;

  private constructor(private readonly byKey: ReadonlyMap<string, ReferenceItem>) {
    const all = [...byKey.values()].sort((a, b) => a.id.localeCompare(b.id));
    const of = <K extends ReferenceKind>(kind: K) => all.filter((i): i is ReferenceItem<K> => i.kind === kind);
    this.calendar = defaultWorkingCalendar().withArrangements(of('calendar-year').map((i) => i.value));
    this.policies = of('deadline-policy').map((i) => i.value);
    this.ruleSet = of('routing-rule-set').find((i) => i.id === ACTIVE_RULE_SET_ID)?.value ?? DEFAULT_ROUTING_RULE_SET;
    this.tables = new Map(of('category-table').map((i) => [i.id, defineTaxonomy<string, CategoryTaxon>(i.value)]));
  }

  static empty(): ReferenceState {
    return new ReferenceState(new Map());
  }

  static of(items: readonly ReferenceItem[]): ReferenceState {
    return ReferenceState.empty().withItems(items);
  }

  /**
   * A new state where each given item replaces the one held under its key when its revision is higher (an older or
   * equal revision never wins). Returns this same state when nothing changed.
   */
  withItems(items: readonly ReferenceItem[]): ReferenceState {
    const next = new Map(this.byKey);
    let changed = false;
    for (const item of items) {
      const key = referenceKey(item.kind, item.id);
      const held = next.get(key);
      if (held && held.revision >= item.revision) continue;
      next.set(key, item);
      changed = true;
    }
    return changed ? new ReferenceState(next) : this;
  }

  item<K extends ReferenceKind>(kind: K, id: string): ReferenceItem<K> | undefined {
    return this.byKey.get(referenceKey(kind, id)) as ReferenceItem<K> | undefined;
  }

  items<K extends ReferenceKind>(kind: K): Array<ReferenceItem<K>> {
    return [...this.byKey.values()]
      .filter((i): i is ReferenceItem<K> => i.kind === kind)
      .sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
  }

  categories(id: string = DEFAULT_CATEGORY_TABLE_ID): Taxonomy<string, CategoryTaxon> {
    return this.tables.get(id) ?? DEFAULT_CATEGORY_TAXONOMY;
  }
}

const DEFAULT_CATEGORY_TAXONOMY = defineTaxonomy<string, CategoryTaxon>(DEFAULT_CATEGORIES);
