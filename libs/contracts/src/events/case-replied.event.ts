import { z } from 'zod';

import { stageSchema, unitIdSchema, vocabulary } from '../vocabulary/codes';
import { documentRefSchema, staffRefSchema } from './shared-refs.event';

/** The written reply's outcome (信访处理意见书): 支持 / 解释说明 / 不予支持 (《信访工作条例》第31–33条). */
export const [ReplyOutcomes, replyOutcomeSchema] = vocabulary(['supported', 'explained', 'not-supported']);
export type ReplyOutcome = z.infer<typeof replyOutcomeSchema>;

/**
 * `case.replied` v1 — 答复 / 出具信访处理意见书 (复查意见书, 复核意见书 in later stages): the handling unit replied in
 * writing, approved by its head (审签, `approvedBy`) (《信访工作条例》第31–36条). The text stays with routing
 * (`replyDocumentRef`). The windows for rating and review run from its service (`case.reply-served`), not from here.
 */
export const caseRepliedV1 = z.object({
  unitId: unitIdSchema,
  stage: stageSchema,
  outcome: replyOutcomeSchema,
  replyDocumentRef: documentRefSchema,
  approvedBy: staffRefSchema,
});
export type CaseReplied = z.infer<typeof caseRepliedV1>;
