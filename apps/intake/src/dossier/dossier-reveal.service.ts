import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CASE_NOT_FOUND, CaseReplicaStore, CaseVisibility, Clock, type StaffPrincipal } from '@sunshine/platform';
import type { DataSource, EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';

import { forbidden } from '../core/intake-errors';
import { type PetitionRecord, PetitionRepository } from '../core/petition.repository';
import { PetitionerRepository } from '../core/petitioner.repository';
import { representativeIndex, type RevealFieldDto } from './reveal-field.dto';

export interface Revealed {
  readonly caseId: string;
  readonly field: string;
  readonly value: string | null;
  readonly revealedAt: string;
  /** The access log entry that records who, when and why. */
  readonly accessLogId: string;
}

/**
 * 查看完整信息: the dossier shows phones, addresses and the ID number masked, even with full access; one field is shown
 * in full on an explicit request with a reason, written in the same transaction to `dossier_access_log` (who, their unit,
 * when, why, which field). Only with full access (a case the caller may not know of: 404; the bare facts: 403).
 */
@Injectable()
export class DossierRevealService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly replica: CaseReplicaStore,
    private readonly visibility: CaseVisibility,
    private readonly petitions: PetitionRepository,
    private readonly petitioners: PetitionerRepository,
    private readonly clock: Clock,
  ) {}

  reveal(caseId: string, dto: RevealFieldDto, staff: StaffPrincipal): Promise<Revealed> {
    return this.dataSource.transaction(async (m) => {
      const [petition, current] = [await this.petitions.find(m, caseId), await this.replica.read(m, caseId)];
      if (!petition || !current) throw CASE_NOT_FOUND;
      const access = await this.visibility.access(staff, current.facts, m);
      if (access === 'none') throw CASE_NOT_FOUND;
      if (access !== 'full') {
        throw forbidden(
          'FULL_ACCESS_REQUIRED',
          '仅可查阅完整卷宗的单位可以查看信访人完整信息',
          'only a unit with the full dossier sees a petitioner’s details in full',
        );
      }
      const value = await this.valueOf(m, petition, dto.field);
      const now = this.clock.now();
      const accessLogId = uuidv7();
      await m.query(
        `INSERT INTO dossier_access_log (id, case_id, field, staff_subject, staff_unit_id, reason, revealed_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [accessLogId, caseId, dto.field, staff.subject, staff.unitId, JSON.stringify(dto.reason), now],
      );
      return { caseId, field: dto.field, value, revealedAt: now.toISOString(), accessLogId };
    });
  }

  private async valueOf(m: EntityManager, petition: PetitionRecord, field: string): Promise<string | null> {
    const representative = representativeIndex(field);
    if (representative !== null)
      return (await this.petitions.loadDossier(m, petition.caseId))?.representatives[representative]?.phone ?? null;
    if (field === 'petitioner.idNumber') return (await this.petitioners.load(m, petition.petitionerId))?.idNumber ?? null;
    const contact =
      (petition.petitionerVersionId ? await this.petitioners.loadVersion(m, petition.petitionerVersionId) : null) ??
      (await this.petitioners.load(m, petition.petitionerId));
    return (field === 'petitioner.phone' ? contact?.phone : contact?.address) ?? null;
  }
}
