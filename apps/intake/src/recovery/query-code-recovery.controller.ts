import { StaffController, ZodBody } from '@sunshine/platform';

import { type CitizenClient, Client } from '../http/citizen-client.decorator';
import { CitizenRoute } from '../http/citizen-route.decorator';
import { QueryCodeRecoveryService } from './query-code-recovery.service';
import { type RecoveryRequestDto, recoveryRequestSchema, type RecoveryResetDto, recoveryResetSchema } from './recovery.dto';

@StaffController('public/query-code', 'citizen self-service 群众自助')
export class QueryCodeRecoveryController {
  constructor(private readonly recovery: QueryCodeRecoveryService) {}

  @CitizenRoute('POST', 'recovery', {
    status: 202,
    summary: '找回查询码（一）Send a one-time code to the phone registered with the case (same answer whatever matches)',
  })
  request(@ZodBody(recoveryRequestSchema) dto: RecoveryRequestDto, @Client() client: CitizenClient) {
    return this.recovery.request(dto, client);
  }

  @CitizenRoute('POST', 'reset', {
    status: 200,
    summary: '找回查询码（二）Exchange the one-time code for a new query code (the old one stops working)',
    caseNotFound: true,
  })
  reset(@ZodBody(recoveryResetSchema) dto: RecoveryResetDto, @Client() client: CitizenClient) {
    return this.recovery.reset(dto, client);
  }
}
