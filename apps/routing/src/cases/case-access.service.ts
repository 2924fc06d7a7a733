import { Injectable } from '@nestjs/common';
import { BUREAU_KINDS, type CaseState } from '@sunshine/domain';
import { DomainException, type StaffPrincipal } from '@sunshine/platform';
import type { EntityManager } from 'typeorm';
import { DirectoryCache } from '../directory/directory.cache';
import { caseColumns } from './case-row';
import { CaseStore, type StoredCase } from './case.store';
import { canSee, type Viewer } from './visibility';

export const CASE_NOT_FOUND = new DomainException('CASE_NOT_FOUND', 'not-found', {
  zh: '信访事项不存在或无权查看',
  en: 'no such case in your unit or territory',
});

/** Applies visibility (DESIGN §3) to the caller: 404 for a case it may not see, as for one that does not exist. */
@Injectable()
export class CaseAccess {
  constructor(
    private readonly directory: DirectoryCache,
    private readonly cases: CaseStore,
  ) {}

  async viewer(m: EntityManager, staff: StaffPrincipal): Promise<Viewer> {
    const unit = (await this.directory.current(m)).get(staff.unitId);
    return {
      unitId: staff.unitId,
      divisionCode: unit?.divisionCode ?? staff.divisionCode,
      bureau: unit !== undefined && BUREAU_KINDS.includes(unit.kind),
      service: staff.roles.includes('service'),
    };
  }

  /**
   * The case if the caller may see it; another service (role `service`, e.g. intake showing the reply to the
   * petitioner) reads it where `allowService` says so, and then applies its own rules.
   */
  async readVisible(m: EntityManager, staff: StaffPrincipal, caseId: string, allowService = false): Promise<StoredCase> {
    const stored = await this.cases.read(m, caseId);
    if (!stored) throw CASE_NOT_FOUND;
    if (!(allowService && staff.roles.includes('service'))) await this.check(m, staff, stored.state);
    return stored;
  }

  async check(m: EntityManager, staff: StaffPrincipal, state: CaseState): Promise<void> {
    const directory = await this.directory.current(m);
    const columns = caseColumns(state, directory);
    const visible = canSee(await this.viewer(m, staff), {
      type: state.type,
      heldBy: state.heldBy,
      involvedUnits: columns.involvedUnits,
      territoryCodes: columns.territoryCodes,
      accusedUnitId: state.accusedUnitId,
    });
    if (!visible) throw CASE_NOT_FOUND;
  }
}
