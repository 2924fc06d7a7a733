import {
  categoryCodeSchema,
  channelSchema,
  dispatchModeSchema,
  divisionCodeSchema,
  petitionTypeSchema,
  territoryLevelSchema,
} from '@sunshine/contracts';
import { z } from 'zod';

/** When a rule applies; every given list must contain the case's value (absent = any). */
export const ruleWhenSchema = z.object({
  types: z.array(petitionTypeSchema).optional(),
  categories: z.array(categoryCodeSchema).optional(),
  channels: z.array(channelSchema).optional(),
  /** Level of the bureau applying the policy. */
  bureauLevels: z.array(territoryLevelSchema).optional(),
  /** The place lies in one of these territories. */
  places: z.array(divisionCodeSchema).optional(),
});
export type RuleWhen = z.infer<typeof ruleWhenSchema>;

const ruleId = z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/);
const unitKind = z.string().min(1).max(48);

/** 检举控告 → the discipline-inspection organ with authority over the accused unit (Art 22, 30). */
export const accusationRuleSchema = z.object({
  id: ruleId,
  kind: z.literal('accusation'),
  when: ruleWhenSchema.optional(),
  targetKind: unitKind.default('discipline'),
  /** Levels above the accused unit's level (1 = the level above, 0 = the same level). */
  levelsUp: z.number().int().min(0).max(3).default(1),
  /** Per accused unit kind, e.g. { "dept-hrss": 0 } to keep county departments at the county's organ. */
  levelsUpByAccusedKind: z.record(z.string(), z.number().int().min(0).max(3)).default({}),
  mode: dispatchModeSchema.default('forward'),
});

/** 涉法涉诉 → the same-level political-legal organ (诉访分离, Art 22, 31). */
export const lawsuitRuleSchema = z.object({
  id: ruleId,
  kind: z.literal('lawsuit'),
  when: ruleWhenSchema.optional(),
  categories: z.array(categoryCodeSchema).min(1).default(['lawsuit']),
  targetKind: unitKind.default('political-legal'),
  mode: dispatchModeSchema.default('forward'),
});

/** 属地 → 主管 → 逐级: the place, the competent department, then level by level (Art 5, 22). */
export const territorialRuleSchema = z.object({
  id: ruleId,
  kind: z.literal('territorial'),
  when: ruleWhenSchema.optional(),
  /** Categories the township (乡镇人民政府/街道办事处) of the place handles rather than a department. */
  townshipCategories: z.array(categoryCodeSchema).default(['other']),
  /** Bureau levels that forward (转送) to the next lower bureau of the place instead of the handling unit. */
  hopLevels: z.array(territoryLevelSchema).default(['city']),
  /** How a bureau of each level sends a case to a handling unit of its own territory. */
  modeByBureauLevel: z
    .partialRecord(territoryLevelSchema, dispatchModeSchema)
    .default({ city: 'forward', county: 'assign', township: 'assign' }),
});

/** A fixed target for matching cases, e.g. a 12345 category that always goes to one department. */
export const directRuleSchema = z.object({
  id: ruleId,
  kind: z.literal('direct'),
  when: ruleWhenSchema,
  unitKind,
  /** Whose unit: the bureau's own territory, or the place's county or township. */
  at: z.enum(['bureau', 'place-county', 'place-township']),
  mode: dispatchModeSchema,
  reason: z.string().min(1).max(120),
});

/** Matching cases go to a person at the dispatch desk. */
export const manualRuleSchema = z.object({
  id: ruleId,
  kind: z.literal('manual'),
  when: ruleWhenSchema,
  reason: z.string().min(1).max(120),
});

export const routingRuleSchema = z.discriminatedUnion('kind', [
  accusationRuleSchema,
  lawsuitRuleSchema,
  territorialRuleSchema,
  directRuleSchema,
  manualRuleSchema,
]);
export type RoutingRule = z.output<typeof routingRuleSchema>;
export type RoutingRuleInput = z.input<typeof routingRuleSchema>;
export type AccusationRule = z.output<typeof accusationRuleSchema>;
export type LawsuitRule = z.output<typeof lawsuitRuleSchema>;
export type TerritorialRule = z.output<typeof territorialRuleSchema>;
export type DirectRule = z.output<typeof directRuleSchema>;
export type ManualRule = z.output<typeof manualRuleSchema>;

/**
 * A jurisdiction's routing rules, versioned; the first rule (in order) that settles a case decides it.
 * Special types come first: no accusation or lawsuit rule may follow a territorial rule.
 */
export const routingRuleSetSchema = z
  .object({
    id: z.string().min(1).max(64),
    version: z.number().int().min(0),
    rules: z.array(routingRuleSchema).min(1),
  })
  .superRefine((set, ctx) => {
    const firstTerritorial = set.rules.findIndex((r) => r.kind === 'territorial');
    set.rules.forEach((r, i) => {
      if (firstTerritorial >= 0 && i > firstTerritorial && (r.kind === 'accusation' || r.kind === 'lawsuit')) {
        ctx.addIssue({ code: 'custom', path: ['rules', i], message: `${r.kind} rule ${r.id} must come before the territorial rule` });
      }
    });
    const ids = new Set<string>();
    set.rules.forEach((r, i) => {
      if (ids.has(r.id)) ctx.addIssue({ code: 'custom', path: ['rules', i, 'id'], message: `duplicate rule id ${r.id}` });
      ids.add(r.id);
    });
  });
export type RoutingRuleSet = z.output<typeof routingRuleSetSchema>;
export type RoutingRuleSetInput = z.input<typeof routingRuleSetSchema>;

/** Validates rule-set data (e.g. from the rule admin) and fills in the defaults. */
export function parseRoutingRuleSet(input: RoutingRuleSetInput): RoutingRuleSet {
  return routingRuleSetSchema.parse(input);
}
