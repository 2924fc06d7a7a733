import { Param } from '@nestjs/common';
import { Staff, StaffController, type StaffPrincipal, StaffRoute, ZodBody } from '@sunshine/platform';

import { REGISTERING_ROLES } from '../core/staff-scope.service';
import { type CitizenClient, Client } from '../http/citizen-client.decorator';
import { CitizenRoute } from '../http/citizen-route.decorator';
import { uuidParam } from '../http/params';
import {
  type IdentityCodeConfirmDto,
  identityCodeConfirmSchema,
  type IdentityCodeRequestDto,
  identityCodeRequestSchema,
  type StaffIdentityConfirmationDto,
  staffIdentityConfirmationSchema,
} from './identity.dto';
import { IDENTITY_CODE_REQUESTED, type IdentityConfirmed, IdentityVerificationService } from './identity-verification.service';

/** 身份核验: an online submission is linked to the petitioner on file only after verification (issue 17, door 4). */
@StaffController('', 'identity verification 身份核验')
export class IdentityVerificationController {
  constructor(private readonly identities: IdentityVerificationService) {}

  @CitizenRoute('POST', 'public/cases/identity-verification', {
    status: 202,
    summary: '身份核验（一）Send a code to the phone on file for the ID number given online (same answer whatever is on file)',
    caseNotFound: true,
  })
  request(
    @ZodBody(identityCodeRequestSchema) dto: IdentityCodeRequestDto,
    @Client() client: CitizenClient,
  ): Promise<typeof IDENTITY_CODE_REQUESTED> {
    return this.identities.requestCode(dto, client);
  }

  @CitizenRoute('POST', 'public/cases/identity-verification/confirm', {
    status: 200,
    summary: '身份核验（二）Link the online submission to the petitioner on file with the code sent to their phone',
    caseNotFound: true,
  })
  confirm(@ZodBody(identityCodeConfirmSchema) dto: IdentityCodeConfirmDto, @Client() client: CitizenClient): Promise<IdentityConfirmed> {
    return this.identities.confirmCode(dto, client);
  }

  @StaffRoute('POST', 'petitions/:caseId/identity-confirmation', {
    status: 200,
    roles: REGISTERING_ROLES,
    summary: '工作人员核验身份 Staff who saw the identity document link an online submission to the petitioner on file (full access)',
  })
  staffConfirm(
    @Param('caseId', uuidParam()) caseId: string,
    @ZodBody(staffIdentityConfirmationSchema) dto: StaffIdentityConfirmationDto,
    @Staff() staff: StaffPrincipal,
  ): Promise<IdentityConfirmed> {
    return this.identities.staffConfirm(caseId, dto, staff);
  }
}
