import { z } from 'zod';

import { categoryCodeSchema, divisionCodeSchema, isoDateSchema, isoDateTimeSchema, vocabulary } from '../vocabulary/codes';

/**
 * Reference data: city-wide configuration every service counts or routes with, replicated like the org directory.
 * Each record is the item's FULL snapshot (never a delta) keyed `<kind>:<id>` on the compacted reference-data topic,
 * with a `revision` that only grows per key: a replica keeps the highest revision it has seen.
 */
export const [ReferenceKinds, referenceKindSchema] = vocabulary(['calendar-year', 'deadline-policy', 'routing-rule-set', 'category-table']);
export type ReferenceKind = z.infer<typeof referenceKindSchema>;

/** The message key of one reference item on the reference-data topic. */
export function referenceKey(kind: ReferenceKind, id: string): string {
  return `${kind}:${id}`;
}

const revision = z.number().int().min(1);

/**
 * `reference.calendar-year` v1 — one year's official holiday arrangement (国务院办公厅关于某年部分节假日安排的通知):
 * the days off (放假, including weekends a holiday swallows) and the make-up working days (调休上班日). Key
 * `calendar-year:<year>`. Produced by supervision when a city-level ops user loads it; it replaces the bundled data
 * for that year everywhere. The full check (dates in the year, make-up days on weekends) is libs/domain's
 * `yearArrangementSchema`, applied by the producer and by every replica.
 */
export const referenceCalendarYearV1 = z.object({
  year: z.number().int().min(1999).max(2200),
  holidays: z.array(isoDateSchema).min(1).max(366),
  workdays: z.array(isoDateSchema).max(366),
  /** The notice it comes from, e.g. 国办发明电〔2026〕X号. */
  source: z.string().max(200).optional(),
  revision,
});
export type ReferenceCalendarYear = z.infer<typeof referenceCalendarYearV1>;

/**
 * `reference.deadline-policy` v1 — a jurisdiction's clocks as data (its changes to the law's defaults). Key
 * `deadline-policy:<id>`. `clocks` holds clock overrides whose fields are defined by libs/domain's
 * `clockOverrideSchema` (kind, article, amount, unit, startsOn, extensionMaxDays, pausedBy, types, stages, label):
 * contracts carry them as open objects so they stay free of domain code; producer and replicas validate them there.
 * An empty `clocks` withdraws the policy (the law's defaults apply again).
 */
export const referenceDeadlinePolicyV1 = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/),
  /** The territory it applies in (a city's policy in the whole city, a county's on top of it). */
  jurisdiction: divisionCodeSchema,
  clocks: z.array(z.looseObject({ kind: z.string().min(1).max(48) })).max(50),
  revision,
});
export type ReferenceDeadlinePolicy = z.infer<typeof referenceDeadlinePolicyV1>;

/**
 * `reference.routing-rule-set` v1 — the routing rule set in force (key `routing-rule-set:active`), published by
 * routing when a version is activated and at seed. The rules' fields are libs/domain's `routingRuleSchema`
 * (accusation, lawsuit, territorial, direct, manual), carried here as open objects and validated there.
 */
export const referenceRoutingRuleSetV1 = z.object({
  /** The slot: always `active` (the set in force); the set's own id and version are in `ruleSet`. */
  id: z.literal('active'),
  ruleSet: z.object({
    id: z.string().min(1).max(64),
    version: z.number().int().min(0),
    rules: z
      .array(z.looseObject({ id: z.string().min(1).max(64), kind: z.string().min(1).max(32) }))
      .min(1)
      .max(100),
  }),
  /** When it was put in force; null for the built-in default of 《信访工作条例》. */
  activatedAt: isoDateTimeSchema.nullable(),
  revision,
});
export type ReferenceRoutingRuleSet = z.infer<typeof referenceRoutingRuleSetV1>;

/**
 * `reference.category-table` v1 — the category code table (问题类别) with Chinese and English labels, key
 * `category-table:<id>` (`default`: the platform's table, published at routing's seed). A jurisdiction's finer
 * categories name their `parent` and `jurisdiction`.
 */
export const referenceCategoryTableV1 = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/),
  categories: z
    .array(
      z.object({
        code: categoryCodeSchema,
        zh: z.string().min(1).max(40),
        en: z.string().min(1).max(80),
        parent: categoryCodeSchema.optional(),
        jurisdiction: divisionCodeSchema.optional(),
      }),
    )
    .min(1)
    .max(500),
  revision,
});
export type ReferenceCategoryTable = z.infer<typeof referenceCategoryTableV1>;
