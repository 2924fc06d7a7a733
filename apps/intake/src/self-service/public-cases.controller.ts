import { Param } from '@nestjs/common';
import { Staff, StaffController, type StaffPrincipal, StaffRoute, ZodBody, ZodResponse } from '@sunshine/platform';

import { REGISTERING_ROLES } from '../core/staff-scope.service';
import { type CitizenClient, Client } from '../http/citizen-client.decorator';
import { CitizenRoute } from '../http/citizen-route.decorator';
import { IdempotencyKey } from '../http/idempotency-key.decorator';
import { uuidParam } from '../http/params';
import {
  type CallbackRatingDto,
  callbackRatingSchema,
  type CaseKey,
  caseKeySchema,
  type CitizenRatingDto,
  citizenRatingSchema,
  type ReviewRequestDto,
  reviewRequestSchema,
  type SubmitOnlineDto,
  submitOnlineSchema,
  type WithdrawalDto,
  withdrawalSchema,
} from './citizen.dto';
import { doneSchema } from './citizen-actions.response';
import { CitizenActionsService, type Done } from './citizen-actions.service';
import { OnlineSubmissionService, type Submitted } from './online-submission.service';
import { personalDataCopySchema } from './personal-data-copy.response';
import { type PersonalDataCopy, PersonalDataCopyService } from './personal-data-copy.service';
import { progressSchema } from './progress.response';
import { type Progress, ProgressService } from './progress.service';
import { submittedSchema } from './submission.response';

/** Citizen self-service: public, rate limited; a case opens only with its number and query code (in the body). */
@StaffController('', 'citizen self-service 群众自助')
export class PublicCasesController {
  constructor(
    private readonly submissions: OnlineSubmissionService,
    private readonly progressService: ProgressService,
    private readonly actions: CitizenActionsService,
    private readonly copies: PersonalDataCopyService,
  ) {}

  @CitizenRoute('POST', 'public/petitions', {
    status: 201,
    summary: '网上信访 Submit a petition online; answers the case number and query code (once per Idempotency-Key)',
  })
  @ZodResponse(submittedSchema, { status: 201 })
  submit(@ZodBody(submitOnlineSchema) dto: SubmitOnlineDto, @IdempotencyKey() key: string | null): Promise<Submitted> {
    return this.submissions.submit(dto, key);
  }

  @CitizenRoute('POST', 'public/cases/progress', {
    status: 200,
    summary: '查询办理进度 Stage, status, handling unit, deadlines and the reply, by case number + query code',
    caseNotFound: true,
  })
  @ZodResponse(progressSchema)
  progress(@ZodBody(caseKeySchema) key: CaseKey, @Client() client: CitizenClient): Promise<Progress> {
    return this.progressService.progress(key, client);
  }

  @CitizenRoute('POST', 'public/cases/personal-data', {
    status: 200,
    summary: '个人信息查阅复制 A copy of the personal data held for the case (PIPL Art 45), by case number + query code; recorded',
    caseNotFound: true,
  })
  @ZodResponse(personalDataCopySchema)
  personalData(@ZodBody(caseKeySchema) key: CaseKey, @Client() client: CitizenClient): Promise<PersonalDataCopy> {
    return this.copies.copy(key, client);
  }

  @CitizenRoute('POST', 'public/cases/ratings', {
    status: 201,
    summary: '满意度评价 Rate a stage’s result once, within the rating window',
    caseNotFound: true,
  })
  @ZodResponse(doneSchema, { status: 201 })
  rate(@ZodBody(citizenRatingSchema) dto: CitizenRatingDto, @Client() client: CitizenClient): Promise<Done> {
    return this.actions.rate(dto, client);
  }

  @CitizenRoute('POST', 'public/cases/review-requests', {
    status: 201,
    summary: '申请复查/复核 Ask for review or re-review within 30 days of the written reply (Art 35, 36)',
    caseNotFound: true,
  })
  @ZodResponse(doneSchema, { status: 201 })
  requestReview(@ZodBody(reviewRequestSchema) dto: ReviewRequestDto, @Client() client: CitizenClient): Promise<Done> {
    return this.actions.requestReview(dto, client);
  }

  @CitizenRoute('POST', 'public/cases/withdrawal', { status: 201, summary: '撤回信访事项 Withdraw the petition', caseNotFound: true })
  @ZodResponse(doneSchema, { status: 201 })
  withdraw(@ZodBody(withdrawalSchema) dto: WithdrawalDto, @Client() client: CitizenClient): Promise<Done> {
    return this.actions.withdraw(dto, client);
  }

  @StaffRoute('POST', 'petitions/:caseId/callback-ratings', {
    status: 201,
    roles: REGISTERING_ROLES,
    summary: '回访评价 Enter a rating taken from the petitioner by phone, with who called and when; never by the rated unit (staff)',
  })
  @ZodResponse(doneSchema, { status: 201 })
  callbackRating(
    @Param('caseId', uuidParam()) caseId: string,
    @ZodBody(callbackRatingSchema) dto: CallbackRatingDto,
    @Staff() staff: StaffPrincipal,
  ): Promise<Done> {
    return this.actions.staffRate(caseId, dto, staff);
  }
}
