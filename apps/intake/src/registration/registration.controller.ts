import { Body, Controller, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentStaff, ZodPipe, type StaffPrincipal } from '@sunshine/platform';
import { requireStaff } from '../core/intake-errors';
import { StaffScopeService } from '../core/staff-scope.service';
import { ApiCaseNotFound, ZodBody } from '../http/openapi';
import { uuidParam } from '../http/params';
import { correctPetitionSchema, mergePetitionSchema, type CorrectPetitionDto, type MergePetitionDto } from './correct-petition.dto';
import { CorrectionService, type Corrected } from './correction.service';
import { MergeService, type Merged } from './merge.service';
import { registerPetitionSchema, type RegisterPetitionDto } from './register-petition.dto';
import { RegistrationService, type Registered } from './registration.service';

@ApiTags('registration 登记')
@ApiBearerAuth()
@Controller('petitions')
export class RegistrationController {
  constructor(
    private readonly registration: RegistrationService,
    private readonly corrections: CorrectionService,
    private readonly merges: MergeService,
    private readonly scope: StaffScopeService,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: '登记信访事项 Register a petition from any channel at the caller’s unit (staff)' })
  @ZodBody(registerPetitionSchema)
  register(@Body(new ZodPipe(registerPetitionSchema)) dto: RegisterPetitionDto, @CurrentStaff() staff?: StaffPrincipal): Promise<Registered> {
    const s = requireStaff(staff);
    this.scope.assertMayRegister(s);
    return this.registration.register(
      { ...dto, receivedAt: new Date(dto.receivedAt) },
      { unitId: s.unitId, actor: { kind: 'staff', id: s.subject, unitId: s.unitId }, registeredBy: s.subject },
    );
  }

  @Patch(':caseId')
  @ApiOperation({ summary: '更正登记信息 Correct registered facts, with the reason (emits petition.corrected)' })
  @ZodBody(correctPetitionSchema)
  @ApiCaseNotFound()
  correct(
    @Param('caseId', uuidParam()) caseId: string,
    @Body(new ZodPipe(correctPetitionSchema)) dto: CorrectPetitionDto,
    @CurrentStaff() staff?: StaffPrincipal,
  ): Promise<Corrected> {
    return this.corrections.correct(caseId, dto, requireStaff(staff));
  }

  @Post(':caseId/merge')
  @HttpCode(201)
  @ApiOperation({ summary: '并单 Link the case to an earlier case of the same matter (emits petition.merged)' })
  @ZodBody(mergePetitionSchema)
  @ApiCaseNotFound()
  merge(
    @Param('caseId', uuidParam()) caseId: string,
    @Body(new ZodPipe(mergePetitionSchema)) dto: MergePetitionDto,
    @CurrentStaff() staff?: StaffPrincipal,
  ): Promise<Merged> {
    return this.merges.merge(caseId, dto, requireStaff(staff));
  }
}
