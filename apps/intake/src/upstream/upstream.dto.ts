import { askedDateSchema } from '@sunshine/domain';
import { z } from 'zod';

const day = askedDateSchema.describe('日期（北京时间） / the Asia/Shanghai day, YYYY-MM-DD (2000–2099)');

export const upstreamExportQuerySchema = z.object({ day });
export type UpstreamExportQuery = z.infer<typeof upstreamExportQuerySchema>;

/** One exported case: codes and references only (no personal data, no text; accusations are never exported here). */
export const upstreamCaseSchema = z.object({
  caseNumber: z.string(),
  registeredAt: z.string(),
  channel: z.string().nullable(),
  type: z.string(),
  category: z.string().nullable(),
  placeCode: z.string().nullable(),
  receivingUnitId: z.string().nullable(),
  unitId: z.string().describe('当前所在单位 / the holding unit'),
  status: z.string(),
  stage: z.string(),
  updatedAt: z.string(),
});
export type UpstreamCase = z.infer<typeof upstreamCaseSchema>;

export const upstreamExportAnswer = z.object({
  day: z.string(),
  generatedAt: z.string(),
  count: z.number().int(),
  cases: z.array(upstreamCaseSchema),
});
export type UpstreamExport = z.infer<typeof upstreamExportAnswer>;

/** 对账: the upstream's acknowledgement of a day (what its system holds for the cases registered that day). */
export const reconciliationSchema = z.object({
  day,
  acknowledged: z
    .array(
      z.object({
        caseNumber: z.string().trim().min(1).max(40),
        unitId: z.string().trim().min(1).max(100),
        status: z.string().trim().min(1).max(40),
      }),
    )
    .max(100_000),
});
export type ReconciliationDto = z.infer<typeof reconciliationSchema>;

export const reconciliationAnswer = z.object({
  day: z.string(),
  ours: z.number().int(),
  theirs: z.number().int(),
  matched: z.number().int(),
  missingUpstream: z.array(z.string()),
  unknownUpstream: z.array(z.string()),
  mismatched: z.array(z.object({ caseNumber: z.string(), field: z.enum(['unitId', 'status']), ours: z.string(), theirs: z.string() })),
  counts: z.array(z.object({ unitId: z.string(), status: z.string(), ours: z.number().int(), theirs: z.number().int() })),
});

/** Ops: the upstream messages of a status (only `parked`: delivered and pending ones need no hand). */
export const upstreamDeliveryQuerySchema = z.object({
  status: z.literal('parked').describe('parked: refused the configured number of times, waiting for ops'),
});
export type UpstreamDeliveryQuery = z.infer<typeof upstreamDeliveryQuerySchema>;

/** Ops: why a parked message is sent again (required, recorded with who asked). */
export const upstreamReplaySchema = z.object({ reason: z.string().trim().min(2).max(500) });
export type UpstreamReplayDto = z.infer<typeof upstreamReplaySchema>;

export const parkedUpstreamAnswer = z.array(
  z.object({
    messageId: z.string(),
    caseId: z.string(),
    caseNumber: z.string(),
    sequence: z.number().int(),
    kind: z.string(),
    kindLabel: z.string(),
    status: z.string(),
    urgent: z.boolean(),
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    createdAt: z.string(),
    parkedAt: z.string(),
    waitingBehind: z.number().int().describe('同一信访件在其后等待的消息数 / later messages of the case waiting behind it'),
  }),
);

export const upstreamReplayedAnswer = z.object({ messageId: z.string(), replayId: z.string(), replayedAt: z.string() });

/** The daily run's stored reports, newest first. */
export const storedReconciliationsAnswer = z.array(z.object({ day: z.string(), finishedAt: z.string(), report: reconciliationAnswer }));
