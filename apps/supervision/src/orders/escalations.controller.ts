import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { uuidSchema } from '@sunshine/contracts';
import { CurrentStaff, ZodPipe, type StaffPrincipal } from '@sunshine/platform';
import { z } from 'zod';
import { requireStaff } from '../shared/staff';
import { EscalationQueryService, type EscalationView } from './escalation-query.service';

const querySchema = z.object({ caseId: uuidSchema.optional(), limit: z.coerce.number().int().min(1).max(500).default(100) });

@ApiTags('supervision orders 督办')
@ApiBearerAuth()
@Controller('escalations')
export class EscalationsController {
  constructor(private readonly escalations: EscalationQueryService) {}

  @Get()
  @ApiOperation({ summary: '提级督办记录 Escalations of cases in my jurisdiction' })
  list(@Query(new ZodPipe(querySchema)) q: z.infer<typeof querySchema>, @CurrentStaff() staff?: StaffPrincipal): Promise<EscalationView[]> {
    return this.escalations.list(requireStaff(staff), q);
  }
}
