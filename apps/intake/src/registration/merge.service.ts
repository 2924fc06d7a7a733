import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock, DirectoryReplicaService, type StaffPrincipal } from '@sunshine/platform';
import type { DataSource } from 'typeorm';
import { CaseEventWriter } from '../core/case-event.writer';
import { CaseProjectionStore } from '../core/case-projection.store';
import { caseNotFound } from '../core/intake-errors';
import { jurisdictionOf } from '../core/jurisdiction';
import { PetitionRepository } from '../core/petition.repository';
import { StaffScopeService } from '../core/staff-scope.service';
import { RepeatDetectorService } from '../repeat/repeat-detector.service';
import type { MergePetitionDto } from './correct-petition.dto';

export interface Merged {
  readonly caseId: string;
  readonly matchedCaseId: string;
  readonly score: number;
  readonly eventId: string;
}

/** 并单: staff link a case, after registration, to an earlier case of the same matter (petition.merged: ids and score, no text). */
@Injectable()
export class MergeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly replica: DirectoryReplicaService,
    private readonly petitions: PetitionRepository,
    private readonly projections: CaseProjectionStore,
    private readonly repeats: RepeatDetectorService,
    private readonly scope: StaffScopeService,
    private readonly writer: CaseEventWriter,
    private readonly clock: Clock,
  ) {}

  async merge(caseId: string, dto: MergePetitionDto, staff: StaffPrincipal): Promise<Merged> {
    const result = await this.dataSource.transaction(async (m) => {
      const petition = await this.petitions.find(m, caseId, true);
      const matched = await this.petitions.find(m, dto.matchedCaseId);
      if (!petition || !matched) throw caseNotFound();
      await this.scope.assertManages(staff, petition);
      const state = await this.projections.load(m, caseId, true);
      if (!state) throw caseNotFound();
      const score = await this.repeats.scorePair(m, caseId, matched.caseId);
      const now = this.clock.now();
      const unit = await this.replica.unit(staff.unitId);
      const { events } = await this.writer.emit(m, state, { name: 'merge', payload: { matchedCaseId: matched.caseId, score, reason: dto.reason } }, {
        caseId, jurisdiction: jurisdictionOf(petition.placeCode, unit?.divisionCode),
        actor: { kind: 'staff', id: staff.subject, unitId: staff.unitId }, occurredAt: now,
      });
      const eventId = events[0]?.id ?? '';
      await this.petitions.updateFacts(m, caseId, { flags: { ...petition.flags, repeatOf: matched.caseId } });
      await m.query(
        `INSERT INTO merges (case_id, matched_case_id, score, merged_by, merged_at, event_id) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (case_id, matched_case_id) DO UPDATE SET score = $3, merged_by = $4, merged_at = $5, event_id = $6`,
        [caseId, matched.caseId, score, staff.subject, now, eventId],
      );
      return { caseId, matchedCaseId: matched.caseId, score, eventId };
    });
    this.writer.poke();
    return result;
  }
}
