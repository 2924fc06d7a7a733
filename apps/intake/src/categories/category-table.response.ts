import type { AssertTrue, ResponseMatches } from '@sunshine/platform';
import { z } from 'zod';

import type { CategoryEntry } from './category-table.service';

/** One row of the category code table (问题类别), as GET /categories answers it. */
export const categoryEntrySchema = z.object({
  code: z.string().describe('类别代码 / category code, e.g. `labour-wages`'),
  zh: z.string().describe('中文名称 / Chinese label'),
  en: z.string().describe('English label'),
  parent: z.string().optional().describe('上级类别代码 / the parent code of a jurisdiction’s finer category'),
  jurisdiction: z.string().optional().describe('增设该类别的行政区划代码 / the division code that added it'),
  competentKinds: z.array(z.string()).describe('主管单位类型 / unit kinds competent for it, e.g. `dept-hrss`, `government`'),
});

/** GET /categories: the whole table. */
export const categoryTableResponseSchema = z.object({ items: z.array(categoryEntrySchema) });

/** Compile-time guard: the service's type and the documented schema stay one (an edit to either breaks the build). */
export type CategoryTableDocumented = AssertTrue<ResponseMatches<{ items: CategoryEntry[] }, typeof categoryTableResponseSchema>>;
