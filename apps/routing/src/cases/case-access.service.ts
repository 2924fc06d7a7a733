import { Injectable } from '@nestjs/common';
import { CASE_NOT_FOUND, CaseReplicaStore, CaseVisibility, type ReplicaCase, type StaffPrincipal } from '@sunshine/platform';
import type { EntityManager } from 'typeorm';

/**
 * One case for a caller, through the one visibility rule (CaseVisibility): 404 for a case it may not see, as for one
 * that does not exist. A service token sees no case here: the one route opened to a service (intake reading the approved
 * reply for the petitioner, ReplyService.get) does not come through CaseAccess.
 */
@Injectable()
export class CaseAccess {
  constructor(
    private readonly store: CaseReplicaStore,
    private readonly visibility: CaseVisibility,
  ) {}

  async readVisible(m: EntityManager, staff: StaffPrincipal, caseId: string): Promise<ReplicaCase> {
    const current = await this.store.read(m, caseId);
    if (!current) throw CASE_NOT_FOUND;
    await this.visibility.assert(staff, current.facts, 'facts-only', m);
    return current;
  }

  /**
   * The case for reading what was written on it (the reply's text, the documents): a confidential case's (an accusation's)
   * text is the accusation's, read only with full access (the discipline chain); the bare-facts side (the registering
   * bureau, the territory's bureaus) gets 404 as for a case it may not see. Other cases: whoever sees the case.
   */
  async readWritten(m: EntityManager, staff: StaffPrincipal, caseId: string): Promise<ReplicaCase> {
    const current = await this.store.read(m, caseId);
    if (!current) throw CASE_NOT_FOUND;
    await this.visibility.assert(staff, current.facts, current.facts.confidential ? 'full' : 'facts-only', m);
    return current;
  }
}
