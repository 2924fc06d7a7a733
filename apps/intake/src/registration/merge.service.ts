import { Injectable } from '@nestjs/common';
import { CASE_NOT_FOUND, CaseReplicaStore, type CaseTx, CaseVisibility, Clock, type StaffPrincipal } from '@sunshine/platform';

import { type PetitionRecord, PetitionRepository } from '../core/petition.repository';
import { RegistrationCommands } from '../core/registration-commands.service';
import { RepeatDetectorService } from '../repeat/repeat-detector.service';
import type { MergePetitionDto } from './correct-petition.dto';

export interface Merged {
  readonly caseId: string;
  readonly matchedCaseId: string;
  readonly score: number;
  readonly eventId: string;
}

/**
 * 并单: staff link a case, after registration, to an earlier case of the same matter (petition.merged: ids and score, no
 * text). Both cases must be visible to the caller (the one rule; 404 as for a missing case), so the score is never an
 * oracle on a case one may not know of.
 */
@Injectable()
export class MergeService {
  constructor(
    private readonly registrations: RegistrationCommands,
    private readonly replica: CaseReplicaStore,
    private readonly visibility: CaseVisibility,
    private readonly petitions: PetitionRepository,
    private readonly repeats: RepeatDetectorService,
    private readonly clock: Clock,
  ) {}

  merge(caseId: string, dto: MergePetitionDto, staff: StaffPrincipal): Promise<Merged> {
    return this.registrations.change(caseId, staff, (tx, petition) => this.mergeIn(tx, petition, dto, staff));
  }

  private async mergeIn(tx: CaseTx, petition: PetitionRecord, dto: MergePetitionDto, staff: StaffPrincipal): Promise<Merged> {
    const m = tx.m;
    const caseId = petition.caseId;
    const matched = dto.matchedCaseId === caseId ? tx.current : await this.replica.read(m, dto.matchedCaseId);
    if (!matched || !(await this.petitions.find(m, dto.matchedCaseId))) throw CASE_NOT_FOUND;
    await this.visibility.assert(staff, matched.facts, 'facts-only', m);
    const score = await this.repeats.scorePair(m, caseId, dto.matchedCaseId);
    const [event] = await tx.run({ name: 'merge', payload: { matchedCaseId: dto.matchedCaseId, score, reason: dto.reason } });
    const eventId = event?.id ?? '';
    const now = this.clock.now();
    await this.petitions.updateFacts(m, caseId, { flags: { ...petition.flags, repeatOf: dto.matchedCaseId } });
    await m.query(
      `INSERT INTO merges (case_id, matched_case_id, score, merged_by, merged_at, event_id) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (case_id, matched_case_id) DO UPDATE SET score = $3, merged_by = $4, merged_at = $5, event_id = $6`,
      [caseId, dto.matchedCaseId, score, staff.subject, now, eventId],
    );
    return { caseId, matchedCaseId: dto.matchedCaseId, score, eventId };
  }
}
