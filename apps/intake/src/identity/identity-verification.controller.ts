import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses, Roles, Staff, ZodBody, type StaffPrincipal } from '@sunshine/platform';
import { REGISTERING_ROLES } from '../core/staff-scope.service';
import { Client, type CitizenClient } from '../http/citizen-client.decorator';
import { ApiCaseNotFound } from '../http/openapi';
import { uuidParam } from '../http/params';
import { PublicRateLimited } from '../http/public-rate-limited.decorator';
import {
  identityCodeConfirmSchema,
  identityCodeRequestSchema,
  staffIdentityConfirmationSchema,
  type IdentityCodeConfirmDto,
  type IdentityCodeRequestDto,
  type StaffIdentityConfirmationDto,
} from './identity.dto';
import { IDENTITY_CODE_REQUESTED, IdentityVerificationService, type IdentityConfirmed } from './identity-verification.service';

/** 身份核验: an online submission is linked to the petitioner on file only after verification (issue 17, door 4). */
@ApiTags('identity verification 身份核验')
@ApiErrorResponses()
@Controller()
export class IdentityVerificationController {
  constructor(private readonly identities: IdentityVerificationService) {}

  @Post('public/cases/identity-verification')
  @HttpCode(202)
  @PublicRateLimited()
  @ApiOperation({ summary: '身份核验（一）Send a code to the phone on file for the ID number given online (same answer whatever is on file)' })
  @ApiCaseNotFound()
  request(@ZodBody(identityCodeRequestSchema) dto: IdentityCodeRequestDto, @Client() client: CitizenClient): Promise<typeof IDENTITY_CODE_REQUESTED> {
    return this.identities.requestCode(dto, client);
  }

  @Post('public/cases/identity-verification/confirm')
  @HttpCode(200)
  @PublicRateLimited()
  @ApiOperation({ summary: '身份核验（二）Link the online submission to the petitioner on file with the code sent to their phone' })
  @ApiCaseNotFound()
  confirm(@ZodBody(identityCodeConfirmSchema) dto: IdentityCodeConfirmDto, @Client() client: CitizenClient): Promise<IdentityConfirmed> {
    return this.identities.confirmCode(dto, client);
  }

  @Post('petitions/:caseId/identity-confirmation')
  @HttpCode(200)
  @Roles(...REGISTERING_ROLES)
  @ApiBearerAuth()
  @ApiOperation({ summary: '工作人员核验身份 Staff who saw the identity document link an online submission to the petitioner on file (full access)' })
  @ApiCaseNotFound()
  staffConfirm(
    @Param('caseId', uuidParam()) caseId: string,
    @ZodBody(staffIdentityConfirmationSchema) dto: StaffIdentityConfirmationDto,
    @Staff() staff: StaffPrincipal,
  ): Promise<IdentityConfirmed> {
    return this.identities.staffConfirm(caseId, dto, staff);
  }
}
