import { Injectable } from '@nestjs/common';
import { CASE_NOT_FOUND, CaseCommands, type CaseTx, type StaffPrincipal } from '@sunshine/platform';

import { type PetitionRecord, PetitionRepository } from './petition.repository';
import { StaffScopeService } from './staff-scope.service';

/**
 * A staff change to a case's registration (correct, merge, add an attachment, a callback rating), done one way: in the
 * case's transaction with the case locked and the visibility rule applied (CaseCommands: 404 as for a missing case),
 * by a unit that manages the registration (StaffScopeService: 403 otherwise), on intake's petition row (404 without).
 */
@Injectable()
export class RegistrationCommands {
  constructor(
    private readonly commands: CaseCommands,
    private readonly scope: StaffScopeService,
    private readonly petitions: PetitionRepository,
  ) {}

  async change<T>(caseId: string, staff: StaffPrincipal, work: (tx: CaseTx, petition: PetitionRecord) => Promise<T>): Promise<T> {
    const { result } = await this.commands.act(caseId, staff, {}, async (tx) => {
      await this.scope.assertManages(tx.m, staff, tx.current);
      const petition = await this.petitions.find(tx.m, caseId);
      if (!petition) throw CASE_NOT_FOUND;
      return work(tx, petition);
    });
    return result;
  }
}
