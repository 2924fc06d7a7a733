import { categoryCodeSchema, unitIdSchema } from '@sunshine/contracts';
import type { AssertTrue, ResponseMatches } from '@sunshine/platform';
import { z } from 'zod';

import type { Suggestion } from './category-suggester.service';

const suggestedCategorySchema = z.object({
  label1: z.string().describe('模型一级分类 / the model’s first-level class'),
  score: z.number().describe('置信度 0–1 / score'),
  category: z.object({ code: categoryCodeSchema, zh: z.string() }).describe('对应的问题类别 / the platform category it maps to'),
});

const reasons = z.array(z.string()).describe('依据 / why');

/** POST /suggestions: the category suggested from the text (top three) and the unit the routing rules would choose. */
export const suggestionResponseSchema = z.object({
  model: z.string().describe('模型版本 / model version'),
  readable: z.boolean().describe('文本可读 / false when too little Chinese to read: every score 0, the clerk chooses'),
  suggested: suggestedCategorySchema,
  top3: z.array(suggestedCategorySchema),
  unit: z
    .discriminatedUnion('manual', [
      z.object({ manual: z.literal(false), unitId: unitIdSchema, name: z.string(), mode: z.enum(['forward', 'assign']), reasons }),
      z.object({ manual: z.literal(true), reasons }),
    ])
    .optional()
    .describe('按现行分办规则建议的单位（需传 placeCode） / the unit the routing rules in force would choose at placeCode'),
  note: z.string().optional(),
});

/** Compile-time guard: the service's type and the documented schema stay one. */
export type SuggestionDocumented = AssertTrue<ResponseMatches<Suggestion, typeof suggestionResponseSchema>>;
