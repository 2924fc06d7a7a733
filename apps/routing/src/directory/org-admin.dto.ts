import { categoryCodeSchema, divisionCodeSchema, unitIdSchema } from '@sunshine/contracts';
import { CategoryTaxonomy } from '@sunshine/domain';
import { StaffRoles } from '@sunshine/platform';
import { z } from 'zod';

const competences = z
  .array(categoryCodeSchema.refine((c) => CategoryTaxonomy.has(c), '未知的信访类别 / unknown category'))
  .max(30)
  .transform((list) => [...new Set(list)]);
const kind = z.string().regex(/^[a-z][a-z0-9-]{1,47}$/);
const name = z.string().trim().min(2).max(100);

export const createUnitSchema = z.object({
  /** Defaults to `<divisionCode>:<kind>`. */
  id: unitIdSchema.optional(),
  name,
  kind,
  divisionCode: divisionCodeSchema,
  parentId: unitIdSchema.nullable(),
  competences: competences.default([]),
  nonAdministrative: z.boolean().default(false),
});
export type CreateUnitDto = z.infer<typeof createUnitSchema>;

const atLeastOne = (v: Record<string, unknown>): boolean => Object.values(v).some((x) => x !== undefined);
const trustFields = z.object({
  kind: kind.optional(),
  parentId: unitIdSchema.nullable().optional(),
  /** The unit's territory: its level and territory path follow from the code. */
  divisionCode: divisionCodeSchema.optional(),
  competences: competences.optional(),
  nonAdministrative: z.boolean().optional(),
});

/** The trust-bearing changes a change request proposes for an existing unit (at least one). */
export const unitChangesSchema = trustFields.refine(atLeastOne, '至少修改一项 / change at least one field');
export type UnitChanges = z.infer<typeof unitChangesSchema>;

/**
 * What PATCH /org/units/:id accepts. Only `name` is a unit admin's to change; the trust-bearing fields are listed so
 * that a request naming them is refused with 403 TRUST_CHANGE_NEEDS_REQUEST (not silently dropped): they change only
 * through an approved change request (POST /org/change-requests).
 */
export const updateUnitSchema = trustFields
  .extend({ name: name.optional() })
  .refine(atLeastOne, '至少修改一项 / change at least one field');
export type UpdateUnitDto = z.infer<typeof updateUnitSchema>;

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
  roles: z
    .array(z.enum(StaffRoles).exclude(['service']))
    .min(1)
    .max(8),
  active: z.boolean().default(true),
});
export type PutUserDto = z.infer<typeof putUserSchema>;
