import { alertKindSchema, alertLevelSchema } from '@sunshine/contracts';
import type { AssertTrue, ResponseMatches } from '@sunshine/platform';
import { z } from 'zod';

import type { AlertView } from './alerts.service';

/** One early warning (预警) of the caller's territory, shown only where every case it names may be seen. */
export const alertViewSchema = z.object({
  alertId: z.uuid(),
  kind: alertKindSchema.describe('集体访 / 类别激增 / 重大紧急事项 / 热点 — collective visit, category spike, urgent matter, hot topic'),
  level: alertLevelSchema.describe('预警 / 重大 — warning, major'),
  divisionCode: z.string().describe('区划 / the division it was raised in'),
  category: z.string().nullable(),
  count: z.number().int().describe('件数或人数 / the count that crossed the threshold'),
  threshold: z.number().int(),
  sensitivePeriod: z.string().nullable().describe('敏感时期 / the sensitive period in force'),
  caseIds: z.array(z.uuid()),
  raisedAt: z.string(),
  representativeCaseId: z.uuid().nullable().describe('热点的代表性信访事项 / a hot topic’s representative case'),
  representativeSubject: z
    .string()
    .nullable()
    .describe('其事由（调用者不可阅时为空） / its subject, null where the caller may not read it'),
});

/** GET /alerts: newest first. */
export const alertListSchema = z.array(alertViewSchema);

/** POST /cases/{caseId}/report-up: the units the urgent matter was reported to. */
export const reportedUpSchema = z.object({ toUnitIds: z.array(z.string()).describe('上报对象 / the units reported to') });

/** Compile-time guard: the service's type and the documented schema stay one. */
export type AlertViewDocumented = AssertTrue<ResponseMatches<AlertView, typeof alertViewSchema>>;
