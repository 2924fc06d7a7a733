import { Injectable } from '@nestjs/common';
import { BUREAU_KINDS, divisionContains } from '@sunshine/domain';
import { OrgDirectorySource, type ReplicaCase, type StaffPrincipal } from '@sunshine/platform';
import type { EntityManager } from 'typeorm';

import { forbidden } from './intake-errors';

/** Who registers and corrects petitions (the controllers' @Roles; assertManages checks it again). */
export const REGISTERING_ROLES = ['clerk', 'dispatcher', 'head', 'leader', 'admin', 'supervisor'] as const;

/**
 * Which staff may change a registration (correct, merge, add attachments, enter a callback rating). Whether the caller
 * may know of the case at all is the one visibility rule's answer (CaseCommands / CaseVisibility: 404 as for a missing
 * case); on a case it sees, only the receiving unit or a petition bureau whose territory contains it changes the
 * registration (else 403).
 */
@Injectable()
export class StaffScopeService {
  constructor(private readonly directory: OrgDirectorySource) {}

  assertMayRegister(staff: StaffPrincipal): void {
    if (!staff.roles.some((r) => (REGISTERING_ROLES as readonly string[]).includes(r))) {
      throw forbidden('ROLE_REQUIRED', '需要登记人员角色', `one of the roles ${REGISTERING_ROLES.join(', ')} is required`);
    }
  }

  /** On a case the caller already may see (asserted before): throws 403 unless its unit manages the registration. */
  async assertManages(m: EntityManager, staff: StaffPrincipal, current: ReplicaCase): Promise<void> {
    this.assertMayRegister(staff);
    const receivingUnitId = current.state.receivingUnitId;
    if (staff.unitId === receivingUnitId) return;
    const directory = await this.directory.current(m);
    const caller = directory.get(staff.unitId);
    const receiving = receivingUnitId ? directory.get(receivingUnitId) : undefined;
    if (caller && BUREAU_KINDS.includes(caller.kind) && receiving && divisionContains(caller.divisionCode, receiving.divisionCode)) return;
    throw forbidden(
      'NOT_REGISTERING_UNIT',
      '只有登记单位或其上级信访部门可以更改登记信息',
      'only the registering unit or a petition bureau above it changes the registration',
    );
  }
}
