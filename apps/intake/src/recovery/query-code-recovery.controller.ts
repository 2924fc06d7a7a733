import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses, ZodBody } from '@sunshine/platform';
import { Client, type CitizenClient } from '../http/citizen-client.decorator';
import { ApiCaseNotFound } from '../http/openapi';
import { PublicRateLimited } from '../http/public-rate-limited.decorator';
import { recoveryRequestSchema, recoveryResetSchema, type RecoveryRequestDto, type RecoveryResetDto } from './recovery.dto';
import { QueryCodeRecoveryService } from './query-code-recovery.service';

@ApiTags('citizen self-service 群众自助')
@ApiErrorResponses()
@Controller('public/query-code')
export class QueryCodeRecoveryController {
  constructor(private readonly recovery: QueryCodeRecoveryService) {}

  @Post('recovery')
  @HttpCode(202)
  @PublicRateLimited()
  @ApiOperation({ summary: '找回查询码（一）Send a one-time code to the phone registered with the case (same answer whatever matches)' })
  request(@ZodBody(recoveryRequestSchema) dto: RecoveryRequestDto, @Client() client: CitizenClient) {
    return this.recovery.request(dto, client);
  }

  @Post('reset')
  @HttpCode(200)
  @PublicRateLimited()
  @ApiOperation({ summary: '找回查询码（二）Exchange the one-time code for a new query code (the old one stops working)' })
  @ApiCaseNotFound()
  reset(@ZodBody(recoveryResetSchema) dto: RecoveryResetDto, @Client() client: CitizenClient) {
    return this.recovery.reset(dto, client);
  }
}
