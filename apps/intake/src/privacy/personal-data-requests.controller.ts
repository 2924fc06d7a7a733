import { Header, Param } from '@nestjs/common';
import { Staff, StaffController, type StaffPrincipal, StaffRoute, ZodBody, ZodResponse } from '@sunshine/platform';

import { REGISTERING_ROLES } from '../core/staff-scope.service';
import { type CitizenClient, Client } from '../http/citizen-client.decorator';
import { CitizenRoute } from '../http/citizen-route.decorator';
import { uuidParam } from '../http/params';
import {
  type CaseRequests,
  caseRequestsSchema,
  type DecidedRequest,
  decidedRequestSchema,
  type DecideRequestDto,
  decideRequestSchema,
  type FiledRequest,
  filedRequestSchema,
  type FileRequestDto,
  fileRequestSchema,
} from './personal-data-request.dto';
import { PersonalDataRequestsService } from './personal-data-requests.service';

/** 个人信息更正、删除 (PIPL Art 46, 47): the petitioner files, the petition bureau managing the registration decides. */
@StaffController('', 'personal data 个人信息')
export class PersonalDataRequestsController {
  constructor(private readonly requests: PersonalDataRequestsService) {}

  @CitizenRoute('POST', 'public/cases/personal-data/requests', {
    status: 201,
    summary: '申请更正/删除个人信息 Ask for the case’s contact details to be corrected, or its personal data deleted (PIPL Art 46, 47)',
    caseNotFound: true,
  })
  @ZodResponse(filedRequestSchema)
  file(@ZodBody(fileRequestSchema) dto: FileRequestDto, @Client() client: CitizenClient): Promise<FiledRequest> {
    return this.requests.file(dto, client);
  }

  @StaffRoute('GET', 'petitions/:caseId/personal-data-requests', {
    roles: REGISTERING_ROLES,
    summary: '个人信息申请 The case’s correction and deletion requests, with the asked-for values (a recorded read; managing unit)',
  })
  @Header('cache-control', 'no-store')
  @ZodResponse(caseRequestsSchema)
  list(@Param('caseId', uuidParam()) caseId: string, @Staff() staff: StaffPrincipal): Promise<CaseRequests> {
    return this.requests.list(caseId, staff);
  }

  @StaffRoute('POST', 'personal-data-requests/:requestId/decision', {
    status: 200,
    roles: REGISTERING_ROLES,
    summary: '处理个人信息申请 Grant or refuse; a deletion while the case is handled is refused (CASE_OPEN); audited, the petitioner told',
  })
  @ZodResponse(decidedRequestSchema)
  decide(
    @Param('requestId', uuidParam()) requestId: string,
    @ZodBody(decideRequestSchema) dto: DecideRequestDto,
    @Staff() staff: StaffPrincipal,
  ): Promise<DecidedRequest> {
    return this.requests.decide(requestId, dto, staff);
  }
}
