import { replyOutcomeSchema, stageSchema } from '@sunshine/contracts';
import { z } from 'zod';

/** The handler's draft of the written reply (信访处理意见书): outcome, text, optional attachments. */
export const draftReplySchema = z.object({
  outcome: replyOutcomeSchema,
  text: z.string().trim().min(10, '答复意见不少于10个字 / at least 10 characters').max(20000),
  attachments: z
    .array(z.object({ name: z.string().trim().min(1).max(100), ref: z.string().max(128).optional() }))
    .max(20)
    .default([]),
});
export type DraftReplyDto = z.infer<typeof draftReplySchema>;

/** 送达 recorded by staff: in person or by post (electronic service comes from notification's receipt). */
export const serveReplySchema = z.object({
  method: z.enum(['in-person', 'post']),
  servedAt: z.iso.datetime({ offset: true }).optional(),
});
export type ServeReplyDto = z.infer<typeof serveReplySchema>;

export const replyQuerySchema = z.object({ stage: stageSchema.optional() });
export type ReplyQuery = z.infer<typeof replyQuerySchema>;
