import type { CaseStatus } from '@sunshine/contracts';

import type { CommandName } from './case-command';

/** Why decide refused a command. Services map codes to HTTP statuses; the messages are for people (zh-CN and en). */
export const DecisionMessages = {
  ILLEGAL_TRANSITION: { zh: '当前状态下不能执行该操作', en: 'the command is not allowed in the current status' },
  INVALID_COMMAND: { zh: '操作内容不符合要求', en: 'the command is malformed' },
  NOT_HOLDING_UNIT: { zh: '只有当前承办单位可以执行该操作', en: 'only the unit holding the case may do this' },
  NOT_DECIDING_UNIT: { zh: '只有转送该事项的信访部门可以审核异议', en: 'only the forwarding bureau decides the objection' },
  NOT_ASSISTING_UNIT: { zh: '该单位不是本事项的协办单位', en: 'the unit does not assist on this case' },
  OBJECTED_TWICE: {
    zh: '本单位对该事项的异议已被审核，不能再次提出；请报共同上级机关协调（《信访工作条例》第24条）',
    en: 'this unit already objected and was decided; the common superior settles the dispute (Art 24)',
  },
  EXTENSION_TOO_LONG: {
    zh: '延期合计不得超过30日（《信访工作条例》第34条）',
    en: 'extensions total at most 30 days (Art 34)',
  },
  EXTENSION_PENDING: { zh: '已有待审批的延期申请', en: 'an extension request is already pending' },
  NO_PENDING_EXTENSION: { zh: '没有待审批的延期申请', en: 'no extension request is pending' },
  REPLY_NOT_APPROVED: { zh: '答复意见须经本单位负责人审签', en: "the reply needs the head's approval" },
  HEARING_IN_PROGRESS: { zh: '听证尚未结束', en: 'a hearing is in progress' },
  NO_HEARING: { zh: '没有进行中的听证', en: 'no hearing is in progress' },
  NOT_REPLIED: { zh: '本阶段尚未答复', en: 'the stage has no reply yet' },
  ALREADY_SERVED: { zh: '答复意见已送达', en: 'the reply was already served' },
  REPLY_NOT_SERVED: { zh: '书面答复尚未送达信访人', en: 'the written reply has not been served yet' },
  ALREADY_RATED: { zh: '该阶段已评价', en: 'this stage was already rated' },
  WINDOW_EXPIRED: { zh: '已超过期限', en: 'the window has expired' },
  ALREADY_EXPIRED: { zh: '该期限已记录为届满', en: 'the window was already recorded as expired' },
  NOT_REVIEWABLE: {
    zh: '只有按信访程序办理的申诉求决类事项可以申请复查、复核',
    en: 'only claims handled on the petition route can be reviewed',
  },
  NO_FURTHER_REVIEW: { zh: '复核意见为终结意见，不再受理（《信访工作条例》第36条）', en: 're-review is final (Art 36)' },
  REVIEW_REQUESTED: { zh: '信访人已申请复查或复核', en: 'a review has been requested' },
  NO_REVIEW_REQUESTED: { zh: '信访人未申请该阶段', en: 'no request for this stage' },
  WRONG_STAGE: { zh: '当前办理阶段不能执行该操作', en: 'not allowed in the current stage' },
  ALREADY_REPORTED: { zh: '该交办事项已提交办结报告', en: 'the completion report of this assignment was already submitted' },
  NOT_ASSIGNED_CASE: { zh: '该事项不是交办事项，或不是交给该单位的', en: 'the case was not assigned (交办) to this unit' },
  UNKNOWN_ORDER: { zh: '没有待回复的该督办单', en: 'no open supervision order with this id for the unit' },
  NO_CHANGE: { zh: '该操作不会改变任何内容', en: 'the command changes nothing' },
} as const satisfies Record<string, { zh: string; en: string }>;

export type DecisionErrorCode = keyof typeof DecisionMessages;

export interface DecisionError {
  readonly code: DecisionErrorCode;
  /** The status the command met (null before registration). */
  readonly status: CaseStatus | null;
  readonly command: CommandName;
  readonly message: { readonly zh: string; readonly en: string };
  /** Specifics (e.g. which payload field is wrong). */
  readonly details?: readonly string[];
}
