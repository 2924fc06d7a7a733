import { ratingSubjectSchema, reviewStageSchema, stageSchema } from '@sunshine/contracts';
import type { AssertTrue, ResponseMatches } from '@sunshine/platform';
import { z } from 'zod';

import type { Progress } from './progress.service';

const words = z.object({ zh: z.string(), en: z.string() });
/** A code with its words in Chinese and English (a status, a stage, a category …). */
const labelled = z.object({ code: z.string(), zh: z.string(), en: z.string() });
const unitRef = z.object({ id: z.string(), name: z.string().nullable() });

/** A clock as the petitioner sees it (no unit, no internal ids): libs/domain `citizenClocks`. */
export const citizenClockSchema = z.object({
  kind: z.string(),
  label: z.string().describe('期限名称 / the clock in words'),
  article: z.string().describe('条例依据 / the article'),
  stage: stageSchema,
  startAt: z.string(),
  dueAt: z.string(),
  lastDay: z.string().describe('最后一日（北京时间 YYYY-MM-DD） / last day, Beijing time'),
  provisional: z.boolean().describe('节假日未公布，期限可能变动 / holidays not published yet'),
  paused: z.boolean().describe('听证等暂停中 / paused (hearing)'),
  extensionDays: z.number().int(),
});

const replyText = z.union([
  z.object({ available: z.literal(true), text: z.string().nullable(), documentRef: z.string().nullable() }),
  z.object({ available: z.literal(false), note: words }),
]);

/** POST /public/cases/progress: the citizen's view of the case (查询办理进度). */
export const progressSchema = z.object({
  caseNumber: z.string(),
  registeredAt: z.string().nullable(),
  channel: labelled.nullable(),
  type: labelled.nullable(),
  category: labelled.nullable(),
  stage: labelled,
  status: labelled.nullable(),
  handlingUnit: unitRef.nullable().describe('办理单位 / the handling unit'),
  deadlines: z.array(citizenClockSchema).describe('正在计算的期限 / running clocks'),
  reply: z
    .intersection(replyText, z.object({ outcome: labelled, repliedAt: z.string().nullable(), servedAt: z.string().nullable() }))
    .nullable()
    .describe('答复意见（送达后可阅） / the reply, readable once served'),
  ratings: z.array(z.object({ stage: stageSchema, subject: z.string(), score: labelled })),
  canRate: z
    .array(z.object({ stage: stageSchema, subject: ratingSubjectSchema, until: z.string() }))
    .describe('可评价 / what may be rated, until when'),
  canRequestReview: z
    .object({ stage: reviewStageSchema, until: z.string() })
    .nullable()
    .describe('可申请复查/复核 / the review that may be asked for'),
  canWithdraw: z.boolean(),
  notAccepted: z
    .object({
      decidedAt: z.string(),
      unit: unitRef,
      reason: z.object({ code: z.string(), text: z.string().nullable() }),
      properChannel: labelled.describe('应循途径 / the proper channel'),
      channelUnit: unitRef.nullable(),
    })
    .nullable()
    .describe('不予受理告知 / the decision not to accept, as the notice states it'),
});

/** Compile-time guard: the service's type and the documented schema stay one. */
export type ProgressDocumented = AssertTrue<ResponseMatches<Progress, typeof progressSchema>>;
