import { Param } from '@nestjs/common';
import { CityLevel, Roles, Staff, StaffController, type StaffPrincipal, StaffRoute, ZodBody, ZodQuery } from '@sunshine/platform';

import { uuidParam } from '../http/params';
import {
  type HotlineFeedbackQuery,
  hotlineFeedbackQuerySchema,
  type HotlineFeedbackReplayDto,
  hotlineFeedbackReplaySchema,
} from './hotline.dto';
import { HotlineFeedbackOps, type HotlineFeedbackReplayed, type ParkedHotlineFeedback } from './hotline-feedback.ops';

/** Ops: 12345 feedback the hotline kept refusing (parked after the configured attempts): list it, replay one with a reason. */
@Roles({ code: 'OPS_ONLY' }, 'ops')
@CityLevel({ zh: '12345 热线反馈', en: '12345 hotline feedback' })
@StaffController('ops/hotline', 'ops')
export class HotlineFeedbackOpsController {
  constructor(private readonly ops: HotlineFeedbackOps) {}

  @StaffRoute('GET', 'feedback', { summary: '搁置的 12345 反馈 Parked hotline feedback (refused too often), oldest first' })
  list(@ZodQuery(hotlineFeedbackQuerySchema) q: HotlineFeedbackQuery): Promise<ParkedHotlineFeedback[]> {
    return this.ops.list(q.status);
  }

  @StaffRoute('POST', 'feedback/:id/replay', {
    status: 200,
    summary: '重新发送搁置的 12345 反馈（须说明理由并留痕） Replay a parked hotline feedback with a reason, recorded',
  })
  replay(
    @Param('id', uuidParam()) id: string,
    @ZodBody(hotlineFeedbackReplaySchema) dto: HotlineFeedbackReplayDto,
    @Staff() staff: StaffPrincipal,
  ): Promise<HotlineFeedbackReplayed> {
    return this.ops.replay(id, dto.reason, staff.subject);
  }
}
