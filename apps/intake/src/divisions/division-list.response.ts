import { divisionCodeSchema } from '@sunshine/contracts';
import type { AssertTrue, ResponseMatches } from '@sunshine/platform';
import { z } from 'zod';

import type { DivisionList } from './division-list.service';

const level = z.enum(['city', 'county', 'township', 'village']).describe('层级 / level');
const childLevel = z.enum(['county', 'township', 'village']).describe('层级 / level');

/** GET /public/divisions: one level of the city's division tree, for the citizen's place picker. */
export const divisionListResponseSchema = z.object({
  parent: z
    .object({ code: divisionCodeSchema, name: z.string(), level })
    .describe('上级区划（不填 parent 时为本市） / the division listed under (the city when no parent was given)'),
  items: z.array(
    z.object({
      code: divisionCodeSchema.describe('统计用区划代码 / statistics bureau code'),
      name: z.string().describe('名称 / name, e.g. 东屯镇, 东屯村'),
      level: childLevel,
      leaf: z.boolean().describe('村（居）：其下无区划 / a village: nothing under it'),
    }),
  ),
});

/** Compile-time guard: the service's type and the documented schema stay one. */
export type DivisionListDocumented = AssertTrue<ResponseMatches<DivisionList, typeof divisionListResponseSchema>>;
