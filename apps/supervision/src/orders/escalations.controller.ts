import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { uuidSchema } from '@sunshine/contracts';
import { ApiErrorResponses, Staff, ZodQuery, type StaffPrincipal } from '@sunshine/platform';
import { z } from 'zod';
import { EscalationQueryService, type EscalationView } from './escalation-query.service';

const querySchema = z.object({ caseId: uuidSchema.optional(), limit: z.coerce.number().int().min(1).max(500).default(100) });

@ApiTags('supervision orders 督办')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('escalations')
export class EscalationsController {
  constructor(private readonly escalations: EscalationQueryService) {}

  @Get()
  @ApiOperation({ summary: '提级督办记录 Escalations of cases in my jurisdiction' })
  list(@ZodQuery(querySchema) q: z.infer<typeof querySchema>, @Staff() staff: StaffPrincipal): Promise<EscalationView[]> {
    return this.escalations.list(staff, q);
  }
}
