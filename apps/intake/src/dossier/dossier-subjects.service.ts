import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { caseAccess } from '@sunshine/domain';
import { CaseReplicaStore, CaseVisibility, type StaffPrincipal } from '@sunshine/platform';
import type { DataSource } from 'typeorm';

import { PetitionRepository } from '../core/petition.repository';

export interface CaseSubject {
  readonly caseId: string;
  readonly subject: string;
}

/**
 * The subjects (事由) of several cases at once, for lists other services show (supervision's city view, routing's
 * inbox): only those the caller may read in full under the one visibility rule (caseAccess `full`); a case seen with
 * facts only, or not at all, is left out, exactly as the dossier would withhold its text.
 */
@Injectable()
export class DossierSubjectsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly replica: CaseReplicaStore,
    private readonly visibility: CaseVisibility,
    private readonly petitions: PetitionRepository,
  ) {}

  async subjects(caseIds: readonly string[], staff: StaffPrincipal): Promise<CaseSubject[]> {
    const m = this.dataSource.manager;
    const viewer = await this.visibility.viewer(staff, m);
    // Two queries for the whole list (the cases, then the texts of those read in full), not two per case.
    const cases = await this.replica.readMany(m, caseIds);
    const readable = [...new Set(caseIds)].filter((id) => {
      const current = cases.get(id);
      return current !== undefined && caseAccess(current.facts, viewer).access === 'full';
    });
    const texts = await this.petitions.loadMatterTexts(m, readable);
    return readable.flatMap((caseId) => {
      const text = texts.get(caseId);
      return text ? [{ caseId, subject: text.subject }] : [];
    });
  }
}
