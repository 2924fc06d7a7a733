import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentStaff, DomainException, ZodPipe, type StaffPrincipal } from '@sunshine/platform';
import { registerPetitionSchema, type RegisterPetitionDto } from './register-petition.dto';
import { RegistrationService, type Registered } from './registration.service';

@ApiTags('registration 登记')
@ApiBearerAuth()
@Controller('petitions')
export class RegistrationController {
  constructor(private readonly registration: RegistrationService) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: '登记信访事项 Register a petition from any channel (staff)' })
  register(@Body(new ZodPipe(registerPetitionSchema)) dto: RegisterPetitionDto, @CurrentStaff() staff?: StaffPrincipal): Promise<Registered> {
    if (!staff) throw new DomainException('TOKEN_MISSING', 'forbidden', { zh: '需要工作人员令牌', en: 'staff token required' });
    return this.registration.register(dto, staff);
  }
}
