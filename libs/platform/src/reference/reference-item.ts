import { type PayloadOf, referenceKey, type ReferenceKind } from '@sunshine/contracts';
import {
  type CategoryTaxon,
  type DeadlinePolicy,
  deadlinePolicySchema,
  defineTaxonomy,
  parseRoutingRuleSet,
  resolveClockSpecs,
  type RoutingRuleSet,
  type RoutingRuleSetInput,
  type YearArrangement,
  yearArrangementSchema,
} from '@sunshine/domain';

/** The event type that carries each kind of reference data. */
export const REFERENCE_EVENT_TYPES = {
  'calendar-year': 'reference.calendar-year',
  'deadline-policy': 'reference.deadline-policy',
  'routing-rule-set': 'reference.routing-rule-set',
  'category-table': 'reference.category-table',
} as const satisfies Record<ReferenceKind, string>;
export type ReferenceEventType = (typeof REFERENCE_EVENT_TYPES)[ReferenceKind];

/** The payload of one kind of reference snapshot, as it travels (with its revision). */
export type ReferencePayload<K extends ReferenceKind> = PayloadOf<(typeof REFERENCE_EVENT_TYPES)[K]>;

/** What the domain makes of each kind: the values services count and route with. */
export interface ReferenceValues {
  'calendar-year': YearArrangement;
  'deadline-policy': DeadlinePolicy;
  'routing-rule-set': RoutingRuleSet;
  'category-table': readonly CategoryTaxon[];
}

/** One reference item as a replica holds it: the snapshot, where it came from, and its value checked by the domain. */
export interface ReferenceItem<K extends ReferenceKind = ReferenceKind> {
  readonly kind: K;
  readonly id: string;
  readonly revision: number;
  readonly payload: ReferencePayload<K>;
  readonly value: ReferenceValues[K];
  /** The event's instant and actor id (the staff subject that loaded it, or the publishing job). */
  readonly publishedAt: string | null;
  readonly publishedBy: string | null;
}

/** The item's id inside its kind (the part of the key after `<kind>:`). */
export function referenceIdOf<K extends ReferenceKind>(kind: K, payload: Omit<ReferencePayload<K>, 'revision'>): string {
  if (kind === 'calendar-year') return String((payload as Omit<ReferencePayload<'calendar-year'>, 'revision'>).year);
  return (payload as unknown as { id: string }).id;
}

export function referenceKeyOf<K extends ReferenceKind>(kind: K, payload: Omit<ReferencePayload<K>, 'revision'>): string {
  return referenceKey(kind, referenceIdOf(kind, payload));
}

/**
 * Checks a snapshot with the domain's own rules (the contract carries clocks and rules as open objects) and returns
 * what the domain makes of it. Throws (a zod error, a DeadlineError or an Error) on data the domain refuses.
 */
export function referenceValueOf<K extends ReferenceKind>(kind: K, payload: Omit<ReferencePayload<K>, 'revision'>): ReferenceValues[K] {
  return VALIDATORS[kind](payload as never) as ReferenceValues[K];
}

const VALIDATORS: { [K in ReferenceKind]: (payload: Omit<ReferencePayload<K>, 'revision'>) => ReferenceValues[K] } = {
  'calendar-year': (p) => yearArrangementSchema.parse({ year: p.year, holidays: p.holidays, workdays: p.workdays, source: p.source }),
  'deadline-policy': (p) => {
    const policy = deadlinePolicySchema.parse({ id: p.id, jurisdiction: p.jurisdiction, clocks: p.clocks });
    // Each override must merge into a complete clock (a new kind must give every field): throws INVALID_POLICY.
    resolveClockSpecs([policy], p.jurisdiction);
    return policy;
  },
  'routing-rule-set': (p) => parseRoutingRuleSet(p.ruleSet as RoutingRuleSetInput),
  'category-table': (p) => {
    const taxonomy = defineTaxonomy<string, CategoryTaxon>(p.categories);
    for (const c of p.categories) {
      if (c.parent !== undefined && !taxonomy.has(c.parent)) throw new Error(`category ${c.code}: unknown parent ${c.parent}`);
    }
    return taxonomy.entries;
  },
};
