import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { caseStatusSchema } from '@sunshine/contracts';
import { CurrentStaff, DomainException, ZodPipe, type StaffPrincipal } from '@sunshine/platform';
import { z } from 'zod';
import { InboxService } from './inbox.service';

const inboxQuerySchema = z.object({
  status: caseStatusSchema.optional(),
  holding: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

@ApiTags('inbox 待办')
@ApiBearerAuth()
@Controller('inbox')
export class InboxController {
  constructor(private readonly inbox: InboxService) {}

  @Get()
  @ApiOperation({ summary: '本单位信访事项 The cases my unit holds or has held' })
  list(@Query(new ZodPipe(inboxQuerySchema)) q: z.infer<typeof inboxQuerySchema>, @CurrentStaff() staff?: StaffPrincipal) {
    if (!staff) throw new DomainException('TOKEN_MISSING', 'forbidden', { zh: '需要工作人员令牌', en: 'staff token required' });
    return this.inbox.list(staff.unitId, q);
  }
}
