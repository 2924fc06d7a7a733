import { z } from 'zod';

import { categoryCodeSchema, divisionCodeSchema, unitIdSchema, vocabulary } from '../vocabulary/codes';

export const [TerritoryLevels, territoryLevelSchema] = vocabulary(['province', 'city', 'county', 'township', 'village']);
export type TerritoryLevel = z.infer<typeof territoryLevelSchema>;

/**
 * `org.unit-snapshot` v1 — the full snapshot of one unit, keyed by unit id on the compacted org-directory topic.
 * Always the whole unit, never a delta: compaction keeps only the last record per key. Retirement is a tombstone.
 */
export const orgUnitSnapshotV1 = z.object({
  id: unitIdSchema,
  name: z.string().min(1).max(100),
  /** Unit kind code, e.g. petition-bureau, government, dept-hrss, discipline, village-committee. */
  kind: z.string().min(1).max(48),
  divisionCode: divisionCodeSchema,
  level: territoryLevelSchema,
  /** Division codes from the city down to the unit's own territory. */
  territoryPath: z.array(divisionCodeSchema).min(1).max(5),
  parentId: unitIdSchema.nullable(),
  competences: z.array(categoryCodeSchema),
  /** State farms and industrial zones receive cases but are not administrative divisions. */
  nonAdministrative: z.boolean(),
  revision: z.number().int().min(1),
});
export type OrgUnitSnapshot = z.infer<typeof orgUnitSnapshotV1>;
