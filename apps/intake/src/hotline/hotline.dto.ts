import { ratingScoreSchema, ratingSubjectSchema, stageSchema } from '@sunshine/contracts';
import { isoInstantSchema } from '@sunshine/platform';
import { z } from 'zod';

import { contentSchema, subjectSchema } from '../registration/register-petition.dto';
import { HOTLINE_APPEAL_TYPES } from './hotline-order.mapping';

const token = (max: number) =>
  z.string().regex(new RegExp(`^[A-Za-z0-9._:-]{1,${max}}$`), `1至${max}位字母、数字或 . _ : - / 1 to ${max} of [A-Za-z0-9._:-]`);
const phone = z.string().regex(/^\+?[\d-]{7,20}$/, '电话号码格式不正确 / invalid phone number');

/**
 * 12345 工单 as the hotline platform dispatches it (派单). GB/T 39666-2020 names the classes; its field table is not
 * at hand, so these names are the platform's own (docs/interop.md lists each assumed field and why).
 */
export const hotlineOrderSchema = z.object({
  /** 工单编号: once per hotline system (a retry of the same number registers nothing twice). */
  orderNo: token(64),
  /** 派单时间. */
  dispatchedAt: isoInstantSchema,
  /** 办理时限 as the hotline set it (kept with the order; the petition's own deadlines are the platform's, Art 22–34). */
  deadline: isoInstantSchema.optional(),
  /** 诉求类型 (咨询/求助/投诉/举报/建议/表扬), mapped onto the petition type. */
  appealType: z.enum(HOTLINE_APPEAL_TYPES).default('complaint'),
  /** A code of the category table (GET /categories), when the hotline maps its classes itself. */
  category: z.string().trim().max(64).optional(),
  /** GB/T 39666 class as given (代码, 名称): matched by name against the category table, else 其他 kept as given. */
  classCode: z.string().trim().max(32).optional(),
  className: z.string().trim().max(100).optional(),
  /** 工单标题 and 诉求内容. */
  title: subjectSchema,
  content: contentSchema,
  /** 来电人: what the hotline already holds of the caller. */
  caller: z.object({ name: z.string().trim().min(1).max(50), phone }),
  /** 事发地: division code (6, 9 or 12 digits) and the address as the caller said it. */
  place: z.object({
    divisionCode: z.string().regex(/^\d{6}(\d{3}(\d{3})?)?$/, '区划代码须为6、9或12位数字 / 6, 9 or 12 digits'),
    address: z.string().trim().max(200).optional(),
  }),
});
export type HotlineOrderDto = z.infer<typeof hotlineOrderSchema>;

/** 受理回执: what the hotline keeps to follow its order. */
export const hotlineOrderAnswer = z.object({
  orderNo: z.string(),
  caseNumber: z.string().describe('信访件编号 / the case number'),
  receivingUnit: z.object({ id: z.string(), name: z.string() }),
});
export type HotlineOrderAnswer = z.infer<typeof hotlineOrderAnswer>;

/** The order number in a path (the same characters as `orderNo`). */
export const hotlineOrderNoSchema = token(64);

/**
 * 回访结果: the hotline's return call to the citizen on a work order, with the satisfaction the citizen gave (满意 /
 * 基本满意 / 不满意). `visitId` is the hotline's own id of the call: the same id and body answer the same rating again.
 */
export const hotlineVisitSchema = z.object({
  /** 回访编号: once per order (a retry of the same id rates nothing twice). */
  visitId: token(64),
  /** 满意度: satisfied 满意, basically-satisfied 基本满意, dissatisfied 不满意. */
  score: ratingScoreSchema,
  /** 回访时间: after the reply reached the citizen, not in the future. */
  calledAt: isoInstantSchema,
  /** The stage rated (the case's current stage by default) and who is rated (the handling unit by default). */
  stage: stageSchema.optional(),
  subject: ratingSubjectSchema.default('handling-unit'),
});
export type HotlineVisitDto = z.infer<typeof hotlineVisitSchema>;

/** What the hotline keeps of a recorded 回访: the case's rating as the platform holds it. */
export const hotlineVisitAnswer = z.object({
  orderNo: z.string(),
  visitId: z.string(),
  caseNumber: z.string().describe('信访件编号 / the case number'),
  stage: stageSchema,
  subject: ratingSubjectSchema,
  unitId: z.string().describe('被评价单位 / the rated unit'),
  score: ratingScoreSchema,
  calledAt: z.string(),
});
export type HotlineVisitAnswer = z.infer<typeof hotlineVisitAnswer>;

/** Ops registers a hotline system: its name and the callback URL its feedback goes to. */
export const createHotlineSystemSchema = z.object({
  name: z.string().trim().min(1).max(100),
  callbackUrl: z.url({ protocol: /^https?$/ }).max(500),
});
export type CreateHotlineSystemDto = z.infer<typeof createHotlineSystemSchema>;

export const hotlineSystemCreated = z.object({
  id: z.string(),
  apiKey: z.string().describe('X-Api-Key，仅显示一次 / shown once'),
  callbackSecret: z.string().describe('回调签名密钥，仅显示一次 / the feedback signing secret, shown once'),
});
export type HotlineSystemCreated = z.infer<typeof hotlineSystemCreated>;

/** Ops: which 12345 feedback to list (only what is parked: refused too often, waiting for a replay). */
export const hotlineFeedbackQuerySchema = z.object({ status: z.literal('parked') });
export type HotlineFeedbackQuery = z.infer<typeof hotlineFeedbackQuerySchema>;

/** Ops: why a parked feedback is sent again (required, recorded with who asked). */
export const hotlineFeedbackReplaySchema = z.object({ reason: z.string().trim().min(2).max(500) });
export type HotlineFeedbackReplayDto = z.infer<typeof hotlineFeedbackReplaySchema>;
