import { categoryCodeSchema, divisionCodeSchema, unitIdSchema } from '@sunshine/contracts';
import { CategoryTaxonomy } from '@sunshine/domain';
import { StaffRoles } from '@sunshine/platform';
import { z } from 'zod';

const competences = z
  .array(categoryCodeSchema.refine((c) => CategoryTaxonomy.has(c), '未知的信访类别 / unknown category'))
  .max(30)
  .transform((list) => [...new Set(list)]);

export const createUnitSchema = z.object({
  /** Defaults to `<divisionCode>:<kind>`. */
  id: unitIdSchema.optional(),
  name: z.string().trim().min(2).max(100),
  kind: z.string().regex(/^[a-z][a-z0-9-]{1,47}$/),
  divisionCode: divisionCodeSchema,
  parentId: unitIdSchema.nullable(),
  competences: competences.default([]),
  nonAdministrative: z.boolean().default(false),
});
export type CreateUnitDto = z.infer<typeof createUnitSchema>;

export const updateUnitSchema = z
  .object({
    name: z.string().trim().min(2).max(100).optional(),
    kind: z.string().regex(/^[a-z][a-z0-9-]{1,47}$/).optional(),
    parentId: unitIdSchema.nullable().optional(),
    competences: competences.optional(),
    nonAdministrative: z.boolean().optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), '至少修改一项 / change at least one field');
export type UpdateUnitDto = z.infer<typeof updateUnitSchema>;

export const competencesSchema = z.object({ competences });
export type CompetencesDto = z.infer<typeof competencesSchema>;

export const unitListQuerySchema = z.object({
  division: divisionCodeSchema.optional(),
  /** Units anywhere inside this territory. */
  within: divisionCodeSchema.optional(),
  kind: z.string().max(48).optional(),
  level: z.enum(['province', 'city', 'county', 'township', 'village']).optional(),
  competence: categoryCodeSchema.optional(),
  q: z.string().trim().max(50).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export type UnitListQuery = z.infer<typeof unitListQuerySchema>;

export const putUserSchema = z.object({
  unitId: unitIdSchema,
  roles: z.array(z.enum(StaffRoles).exclude(['service'])).min(1).max(8),
  active: z.boolean().default(true),
});
export type PutUserDto = z.infer<typeof putUserSchema>;
