import { Inject, Injectable } from '@nestjs/common';
import type { CaseViewer } from '@sunshine/domain';
import { caseVisibilitySql, type VisibilitySql } from '@sunshine/platform';
import type { EntityManager } from 'typeorm';
import { PetitionRepository } from '../core/petition.repository';
import { INTAKE_CONFIG, type IntakeConfig } from '../intake-config';
import { cosine, matterText, MatterSimilarity } from './matter-similarity';

export interface RepeatMatch {
  readonly caseId: string;
  /** Cosine similarity in [0, 1], rounded to 4 places. */
  readonly score: number;
}

/** How many of the petitioner's latest cases are compared. */
const CANDIDATES = 50;

/**
 * 重复访 at registration: the same petitioner (recognised by the blind index, never by decrypting everyone) and a similar
 * matter. Only the candidate dossiers of that one petitioner are opened.
 */
@Injectable()
export class RepeatDetectorService {
  constructor(
    private readonly petitions: PetitionRepository,
    @Inject(INTAKE_CONFIG) private readonly config: IntakeConfig,
  ) {}

  /** The most similar earlier matter of the petitioner among the cases `viewer` may know of (the one visibility rule). */
  async findRepeat(m: EntityManager, petitionerId: string, subject: string, content: string, viewer: CaseViewer, excludeCaseId?: string): Promise<RepeatMatch | null> {
    return this.bestAmong(m, petitionerId, subject, content, caseVisibilitySql(viewer, 3, 'c'), excludeCaseId);
  }

  /**
   * The most similar earlier matter of the petitioner among the cases `viewer` may NOT know of: never shown to `viewer`,
   * only reported to the unit that may see it (RepeatReportsService).
   */
  async findHiddenRepeat(m: EntityManager, petitionerId: string, subject: string, content: string, viewer: CaseViewer): Promise<RepeatMatch | null> {
    const visible = caseVisibilitySql(viewer, 3, 'c');
    return this.bestAmong(m, petitionerId, subject, content, { ...visible, visible: `(${visible.visible}) IS NOT TRUE` });
  }

  private async bestAmong(m: EntityManager, petitionerId: string, subject: string, content: string, among: VisibilitySql, excludeCaseId?: string): Promise<RepeatMatch | null> {
    const candidates = (await this.petitions.ofPetitioner(m, petitionerId, CANDIDATES, among)).filter((c) => c.caseId !== excludeCaseId);
    if (candidates.length === 0) return null;
    const similarity = MatterSimilarity.get();
    const mine = similarity.vector(matterText(subject, content));
    let best: RepeatMatch | null = null;
    for (const candidate of candidates) {
      const dossier = await this.petitions.loadDossier(m, candidate.caseId);
      if (!dossier) continue;
      const score = round(cosine(mine, similarity.vector(matterText(dossier.subject, dossier.content))));
      if (score >= this.config.repeatThreshold && (best === null || score > best.score)) best = { caseId: candidate.caseId, score };
    }
    return best;
  }

  /** The similarity of two registered cases (staff merging them later). */
  async scorePair(m: EntityManager, caseId: string, otherCaseId: string): Promise<number> {
    const a = await this.petitions.loadDossier(m, caseId);
    const b = await this.petitions.loadDossier(m, otherCaseId);
    if (!a || !b) return 0;
    return round(MatterSimilarity.get().score(matterText(a.subject, a.content), matterText(b.subject, b.content)));
  }
}

function round(score: number): number {
  return Math.round(score * 10000) / 10000;
}
