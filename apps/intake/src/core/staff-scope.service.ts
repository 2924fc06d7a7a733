import { Injectable } from '@nestjs/common';
import { divisionContains } from '@sunshine/domain';
import type { StaffPrincipal } from '@sunshine/platform';
import { caseNotFound, forbidden } from './intake-errors';
import { IntakeDirectoryService } from './intake-directory.service';
import type { PetitionRecord } from './petition.repository';

const REGISTERING_ROLES = ['clerk', 'dispatcher', 'head', 'leader', 'admin', 'supervisor'] as const;

/** Which staff may change a registration: the receiving unit, or a petition bureau whose territory contains it. */
@Injectable()
export class StaffScopeService {
  constructor(private readonly directory: IntakeDirectoryService) {}

  assertMayRegister(staff: StaffPrincipal): void {
    if (!staff.roles.some((r) => (REGISTERING_ROLES as readonly string[]).includes(r))) {
      throw forbidden('ROLE_REQUIRED', '需要登记人员角色', `one of the roles ${REGISTERING_ROLES.join(', ')} is required`);
    }
  }

  /** Throws the same 404 as a missing case when the caller's unit does not manage the registration. */
  async assertManages(staff: StaffPrincipal, petition: PetitionRecord): Promise<void> {
    this.assertMayRegister(staff);
    if (staff.unitId === petition.receivingUnitId) return;
    const directory = await this.directory.current();
    const caller = directory.get(staff.unitId);
    const receiving = directory.get(petition.receivingUnitId);
    if (caller?.kind === 'petition-bureau' && receiving && divisionContains(caller.divisionCode, receiving.divisionCode)) return;
    throw caseNotFound();
  }
}
