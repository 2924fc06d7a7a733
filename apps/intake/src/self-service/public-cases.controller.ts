import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses, Roles, Staff, ZodBody, type StaffPrincipal } from '@sunshine/platform';
import { REGISTERING_ROLES } from '../core/staff-scope.service';
import { Client, type CitizenClient } from '../http/citizen-client.decorator';
import { IdempotencyKey } from '../http/idempotency-key.decorator';
import { ApiCaseNotFound } from '../http/openapi';
import { uuidParam } from '../http/params';
import { PublicRateLimited } from '../http/public-rate-limited.decorator';
import {
  callbackRatingSchema,
  caseKeySchema,
  citizenRatingSchema,
  reviewRequestSchema,
  submitOnlineSchema,
  withdrawalSchema,
  type CallbackRatingDto,
  type CaseKey,
  type CitizenRatingDto,
  type ReviewRequestDto,
  type SubmitOnlineDto,
  type WithdrawalDto,
} from './citizen.dto';
import { CitizenActionsService, type Done } from './citizen-actions.service';
import { OnlineSubmissionService, type Submitted } from './online-submission.service';
import { ProgressService, type Progress } from './progress.service';

/** Citizen self-service: public, rate limited; a case opens only with its number and query code (in the body). */
@ApiTags('citizen self-service 群众自助')
@ApiErrorResponses()
@Controller()
export class PublicCasesController {
  constructor(
    private readonly submissions: OnlineSubmissionService,
    private readonly progressService: ProgressService,
    private readonly actions: CitizenActionsService,
  ) {}

  @Post('public/petitions')
  @HttpCode(201)
  @PublicRateLimited()
  @ApiOperation({ summary: '网上信访 Submit a petition online; answers the case number and query code (once per Idempotency-Key)' })
  submit(@ZodBody(submitOnlineSchema) dto: SubmitOnlineDto, @IdempotencyKey() key: string | null): Promise<Submitted> {
    return this.submissions.submit(dto, key);
  }

  @Post('public/cases/progress')
  @HttpCode(200)
  @PublicRateLimited()
  @ApiOperation({ summary: '查询办理进度 Stage, status, handling unit, deadlines and the reply, by case number + query code' })
  @ApiCaseNotFound()
  progress(@ZodBody(caseKeySchema) key: CaseKey, @Client() client: CitizenClient): Promise<Progress> {
    return this.progressService.progress(key, client);
  }

  @Post('public/cases/ratings')
  @HttpCode(201)
  @PublicRateLimited()
  @ApiOperation({ summary: '满意度评价 Rate a stage’s result once, within the rating window' })
  @ApiCaseNotFound()
  rate(@ZodBody(citizenRatingSchema) dto: CitizenRatingDto, @Client() client: CitizenClient): Promise<Done> {
    return this.actions.rate(dto, client);
  }

  @Post('public/cases/review-requests')
  @HttpCode(201)
  @PublicRateLimited()
  @ApiOperation({ summary: '申请复查/复核 Ask for review or re-review within 30 days of the written reply (Art 35, 36)' })
  @ApiCaseNotFound()
  requestReview(@ZodBody(reviewRequestSchema) dto: ReviewRequestDto, @Client() client: CitizenClient): Promise<Done> {
    return this.actions.requestReview(dto, client);
  }

  @Post('public/cases/withdrawal')
  @HttpCode(201)
  @PublicRateLimited()
  @ApiOperation({ summary: '撤回信访事项 Withdraw the petition' })
  @ApiCaseNotFound()
  withdraw(@ZodBody(withdrawalSchema) dto: WithdrawalDto, @Client() client: CitizenClient): Promise<Done> {
    return this.actions.withdraw(dto, client);
  }

  @Post('petitions/:caseId/callback-ratings')
  @HttpCode(201)
  @Roles(...REGISTERING_ROLES)
  @ApiBearerAuth()
  @ApiOperation({ summary: '回访评价 Enter a rating taken from the petitioner by phone, with who called and when; never by the rated unit (staff)' })
  @ApiCaseNotFound()
  callbackRating(
    @Param('caseId', uuidParam()) caseId: string,
    @ZodBody(callbackRatingSchema) dto: CallbackRatingDto,
    @Staff() staff: StaffPrincipal,
  ): Promise<Done> {
    return this.actions.staffRate(caseId, dto, staff);
  }
}
