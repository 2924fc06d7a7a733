import { Injectable } from '@nestjs/common';
import type { Actor } from '@sunshine/contracts';
import { type CategoryTaxon, DEFAULT_CATEGORIES } from '@sunshine/domain';
import { ReferenceDataPublisher, type ReferencePublication } from '@sunshine/platform';
import type { EntityManager } from 'typeorm';

import { RuleSetStore } from './rule-set.store';

/**
 * Routing's reference data on the reference-data topic: the rule set in force (`routing-rule-set:active`, on every
 * activation and at seed) and the category code table (`category-table:default`, at seed). Both written to routing's
 * outbox in the caller's transaction; every service takes them from the topic.
 */
@Injectable()
export class RoutingReferencePublisher {
  constructor(
    private readonly publisher: ReferenceDataPublisher,
    private readonly store: RuleSetStore,
  ) {}

  /** Publishes the set in force now (the built-in default when none was activated); unchanged → nothing when `onlyIfChanged`. */
  async publishActiveRuleSet(m: EntityManager, actor: Actor, onlyIfChanged = false): Promise<ReferencePublication> {
    const active = (await this.store.list(m)).find((s) => s.active);
    const ruleSet = active?.ruleSet ?? (await this.store.active(m));
    return this.publisher.publish(
      m,
      'routing-rule-set',
      {
        id: 'active',
        ruleSet: { id: ruleSet.id, version: ruleSet.version, rules: ruleSet.rules },
        activatedAt: active?.activatedAt ?? null,
      },
      { actor, onlyIfChanged },
    );
  }

  /** Publishes the category code table (the platform's defaults unless given), once per change. */
  publishCategoryTable(
    m: EntityManager,
    actor: Actor,
    categories: readonly CategoryTaxon[] = DEFAULT_CATEGORIES,
  ): Promise<ReferencePublication> {
    return this.publisher.publish(
      m,
      'category-table',
      { id: 'default', categories: categories.map((c) => ({ ...c })) },
      { actor, onlyIfChanged: true },
    );
  }
}
