import {
  caseStatusSchema,
  channelSchema,
  citizenWindowSchema,
  dispatchModeSchema,
  manualDispatchReasonCodeSchema,
  petitionTypeSchema,
  ratingEntrySchema,
  ratingScoreSchema,
  ratingSubjectSchema,
  replyOutcomeSchema,
  serviceMethodSchema,
  stageSchema,
} from '@sunshine/contracts';
import { UNIT_ACTIONS } from '@sunshine/domain';
import type { AssertTrue, ResponseMatches } from '@sunshine/platform';
import { z } from 'zod';

import type { CaseDetail } from './case-view.service';

const instant = z.string().nullable();
const unitPair = z.object({ unitId: z.string(), bureauUnitId: z.string() });

/** What happened in the current stage (libs/domain StageRecord): the instants the clocks and KPIs start from. */
export const stageRecordSchema = z.object({
  openedAt: instant,
  openedAtUnitId: z.string().nullable(),
  dispatchedAt: instant,
  signedAt: instant,
  acceptedAt: instant,
  acceptedByUnitId: z.string().nullable(),
  notAcceptedAt: instant,
  handlingStartedAt: instant,
  repliedAt: instant,
  reply: z.object({ unitId: z.string(), outcome: replyOutcomeSchema, documentRef: z.string(), approvedBy: z.string() }).nullable(),
  servedAt: instant,
  servedMethod: serviceMethodSchema.nullable(),
  extensionDays: z.number().int().describe('已批准延期天数 / approved extension days'),
  pendingExtensionDays: z.number().int().nullable().describe('待批延期天数 / asked, not decided'),
  assignmentReportedAt: instant,
  nextStageRequestedAt: instant,
  endedAt: instant,
  ratings: z.partialRecord(ratingSubjectSchema, ratingScoreSchema).describe('满意度评价 / ratings'),
  ratedBy: z.partialRecord(ratingSubjectSchema, ratingEntrySchema),
  expiredWindows: z.array(citizenWindowSchema).describe('已过期的群众期限 / citizen windows expired'),
});

/** GET /cases/{caseId}: the case as the unit acts on it (no text, no personal data). */
export const caseDetailSchema = z.object({
  caseId: z.uuid(),
  caseNumber: z.string().nullable(),
  version: z.number().int().describe('版本号，亦为 ETag / the version (ETag, If-Match)'),
  status: caseStatusSchema.nullable(),
  stage: stageSchema,
  type: petitionTypeSchema.nullable(),
  category: z.string().nullable(),
  channel: channelSchema.nullable(),
  placeCode: z.string().nullable(),
  receivingUnitId: z.string().nullable(),
  holdingUnitId: z.string().nullable(),
  heldBy: z.array(z.string()).describe('曾承办单位 / every unit that held it'),
  assistingUnitIds: z.array(z.string()).describe('协办单位 / assisting units'),
  handlerId: z.string().nullable(),
  receivedAt: instant,
  dueAt: instant.describe('当前期限 / the current due'),
  desk: z.object({ unitId: z.string(), reason: z.string() }).nullable().describe('在哪个人工分办台及原因 / the dispatch desk it waits at'),
  objections: z.object({ count: z.number().int(), pending: unitPair.nullable(), objectedTwice: z.boolean() }),
  assignment: unitPair.nullable().describe('交办：谁向谁报送办结报告 / who owes a completion report to whom'),
  lastDispatch: z
    .object({ fromUnitId: z.string(), toUnitId: z.string(), mode: dispatchModeSchema, hop: z.number().int(), feedbackDueAt: instant })
    .nullable(),
  stageRecord: stageRecordSchema,
  flags: z.object({
    hearingPaused: z.boolean(),
    confidential: z.boolean(),
    lawsuit: z.boolean(),
    manualDispatch: manualDispatchReasonCodeSchema.nullable(),
    supervised: z.boolean(),
    repeatOf: z.string().nullable(),
    mergedInto: z.object({ caseId: z.string(), caseNumber: z.string().nullable() }).nullable(),
  }),
  allowedActions: z.array(z.enum(UNIT_ACTIONS)).describe('调用者现在可执行的操作 / what the caller can do now, exactly'),
});

/** Compile-time guard: the service's type and the documented schema stay one. */
export type CaseDetailDocumented = AssertTrue<ResponseMatches<CaseDetail, typeof caseDetailSchema>>;
