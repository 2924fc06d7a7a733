import { divisionCodeSchema } from '@sunshine/contracts';
import { z } from 'zod';

/** GET /public/divisions: the divisions under `parent` (a county or township of the city), or the city's counties. */
export const divisionListQuerySchema = z.object({
  parent: divisionCodeSchema
    .optional()
    .describe('上级区划代码（县、乡镇）；不填为本市各县区 / a county or township code; none: the city’s counties'),
});
export type DivisionListQuery = z.infer<typeof divisionListQuerySchema>;
