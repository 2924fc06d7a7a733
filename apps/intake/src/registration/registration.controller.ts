import { Param } from '@nestjs/common';
import { Roles, Staff, StaffController, type StaffPrincipal, StaffRoute, ZodBody, ZodResponse } from '@sunshine/platform';

import { REGISTERING_ROLES } from '../core/staff-scope.service';
import { IdempotencyKey } from '../http/idempotency-key.decorator';
import { uuidParam } from '../http/params';
import { type CorrectPetitionDto, correctPetitionSchema, type MergePetitionDto, mergePetitionSchema } from './correct-petition.dto';
import { type Corrected, CorrectionService } from './correction.service';
import { type Merged, MergeService } from './merge.service';
import { type RegisterPetitionDto, registerPetitionSchema } from './register-petition.dto';
import { registeredSchema } from './registration.response';
import { type Registered, RegistrationService } from './registration.service';

/** 登记: staff of a unit that registers petitions (有访必录入), correcting and merging within its scope. */
@Roles(...REGISTERING_ROLES)
@StaffController('petitions', 'registration 登记')
export class RegistrationController {
  constructor(
    private readonly registration: RegistrationService,
    private readonly corrections: CorrectionService,
    private readonly merges: MergeService,
  ) {}

  @StaffRoute('POST', '', {
    status: 201,
    summary: '登记信访事项 Register a petition from any channel at the caller’s unit (staff); once per Idempotency-Key',
  })
  @ZodResponse(registeredSchema, { status: 201 })
  register(
    @ZodBody(registerPetitionSchema) dto: RegisterPetitionDto,
    @IdempotencyKey() key: string | null,
    @Staff() staff: StaffPrincipal,
  ): Promise<Registered> {
    return this.registration.register(
      { ...dto, receivedAt: new Date(dto.receivedAt) },
      { unitId: staff.unitId, actor: { kind: 'staff', id: staff.subject, unitId: staff.unitId }, registeredBy: staff.subject },
      key === null ? null : { scope: `staff:${staff.unitId}:${staff.subject}`, key, body: dto },
    );
  }

  @StaffRoute('PATCH', ':caseId', { summary: '更正登记信息 Correct registered facts, with the reason (emits petition.corrected)' })
  correct(
    @Param('caseId', uuidParam()) caseId: string,
    @ZodBody(correctPetitionSchema) dto: CorrectPetitionDto,
    @Staff() staff: StaffPrincipal,
  ): Promise<Corrected> {
    return this.corrections.correct(caseId, dto, staff);
  }

  @StaffRoute('POST', ':caseId/merge', {
    status: 201,
    summary: '并单 Link the case to an earlier case of the same matter (emits petition.merged)',
  })
  merge(
    @Param('caseId', uuidParam()) caseId: string,
    @ZodBody(mergePetitionSchema) dto: MergePetitionDto,
    @Staff() staff: StaffPrincipal,
  ): Promise<Merged> {
    return this.merges.merge(caseId, dto, staff);
  }
}
