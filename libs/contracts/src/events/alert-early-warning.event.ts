import { z } from 'zod';

import { categoryCodeSchema, divisionCodeSchema, uuidSchema, vocabulary } from '../vocabulary/codes';

/**
 * What an early warning is about: a collective visit above the head-count threshold (集体访), a spike of one
 * category in one township within a window, an urgent matter reported up at once (第25条), or a hot topic (热点问题:
 * petitions alike in text in one county within a window, clustered by intake, docs/smart-dispatch.md).
 */
export const [AlertKinds, alertKindSchema] = vocabulary(['collective-visit', 'category-spike', 'urgent-matter', 'hot-topic']);
export type AlertKind = z.infer<typeof alertKindSchema>;

/** 预警 (warning) or 重大 (major: reported up a level at once, 《信访工作条例》第25条). */
export const [AlertLevels, alertLevelSchema] = vocabulary(['warning', 'major']);
export type AlertLevel = z.infer<typeof alertLevelSchema>;

/**
 * `alert.early-warning` v1 — 信访预警, on the alerts topic keyed by `divisionCode`: a territory (the township of a spike,
 * the place of a collective visit) crossed a threshold: `count` (persons or cases) ≥ `threshold`, lower during a
 * sensitive period (`sensitivePeriod`, e.g. 全国两会). Case ids only: no text, no personal data.
 */
export const alertEarlyWarningV1 = z.object({
  alertId: uuidSchema,
  kind: alertKindSchema,
  level: alertLevelSchema,
  divisionCode: divisionCodeSchema,
  category: categoryCodeSchema.optional(),
  count: z.number().int().min(1),
  threshold: z.number().int().min(1),
  windowHours: z.number().int().min(1).optional(),
  sensitivePeriod: z.string().min(1).max(40).optional(),
  caseIds: z.array(uuidSchema).min(1).max(100),
  /** A hot topic's representative petition (the one nearest the cluster's centroid): its id, never its text. */
  representativeCaseId: uuidSchema.optional(),
});
export type AlertEarlyWarning = z.infer<typeof alertEarlyWarningV1>;
