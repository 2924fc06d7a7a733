import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { type CaseViewer, estimatedSimilarity, lshBandKeys, NEAR_DUPLICATE_THRESHOLD } from '@sunshine/domain';
import { caseVisibilitySql, type VisibilitySql } from '@sunshine/platform';
import type { EntityManager } from 'typeorm';

import { type CallerKeys, PetitionRepository, type RepeatBasis } from '../core/petition.repository';
import { INTAKE_CONFIG, type IntakeConfig } from '../intake-config';
import { cosine, MatterSimilarity, matterText } from './matter-similarity';

export interface RepeatMatch {
  readonly caseId: string;
  /** Cosine similarity in [0, 1], rounded to 4 places. */
  readonly score: number;
  /** How the earlier case was recognised as the same person's. */
  readonly basis: RepeatBasis;
  /** Why, for the clerk: the basis and the score. */
  readonly reason: { readonly zh: string; readonly en: string };
}

const BASIS_WORDS: Record<RepeatBasis, { zh: string; en: string }> = {
  'same-petitioner': { zh: '同一身份证号码', en: 'the same ID number' },
  'same-phone': { zh: '同一联系电话', en: 'the same phone' },
  'same-name-and-place': { zh: '同一姓名、同一事发地', en: 'the same name at the same place' },
  'near-duplicate-text': {
    zh: '文本高度相似（可能为同一事项经其他渠道重复反映）',
    en: 'near-duplicate text (the same matter through another channel)',
  },
};

/** The blind indexes a caller is recognised by: the phone's digits (without +86) and the name without spaces. */
export function callerKeyValues(person: { readonly name: string; readonly phone?: string }): { phone: string | null; name: string } {
  const digits = person.phone?.replace(/\D/g, '') ?? '';
  const phone = digits.length === 13 && digits.startsWith('86') ? digits.slice(2) : digits;
  return { phone: phone.length >= 7 ? `phone:${phone}` : null, name: `name:${person.name.replace(/\s+/g, '')}` };
}

/** How many of the petitioner's latest cases are compared. */
const CANDIDATES = 50;

/**
 * 重复访 at registration: the same person and a similar matter. The person is recognised by blind indexes, never by
 * decrypting everyone: the ID number (the petitioner on file), else the phone, else the name at the same place (a
 * hotline or letter caller gives no ID number). Only the candidate dossiers of those earlier cases are opened; the
 * match says on what basis and how similar (TF-IDF cosine over jieba segmentation, MatterSimilarity).
 */
@Injectable()
export class RepeatDetectorService implements OnModuleInit {
  constructor(
    private readonly petitions: PetitionRepository,
    @Inject(INTAKE_CONFIG) private readonly config: IntakeConfig,
  ) {}

  /**
   * The dictionary loads at start (a second or two, synchronously), not at the first registration with candidates:
   * loaded there it stalled every request in flight (a burst of 503s under load, docs/benchmarks.md "Intake memory").
   */
  onModuleInit(): void {
    MatterSimilarity.get();
  }

  /** The most similar earlier matter of the same person among the cases `viewer` may know of (the one visibility rule). */
  async findRepeat(
    m: EntityManager,
    keys: CallerKeys,
    subject: string,
    content: string,
    viewer: CaseViewer,
    excludeCaseId?: string,
  ): Promise<RepeatMatch | null> {
    return this.bestAmong(m, keys, subject, content, caseVisibilitySql(viewer, 6, 'c'), excludeCaseId);
  }

  /**
   * Beside the same-person match: the visible earlier case whose text is a near duplicate of this one (MinHash,
   * estimated Jaccard similarity at or above the threshold, whoever brought it — the same matter through another
   * channel or another person), found through the LSH band index. Shown to the clerk; it flags nothing by itself.
   * `mine` is the text's signature (`minhashSignature(matterText(subject, content))`), computed once by the caller.
   */
  async findSimilarText(m: EntityManager, mine: Uint32Array, viewer: CaseViewer, excludeCaseId?: string): Promise<RepeatMatch | null> {
    const candidates = await this.petitions.nearDuplicateCandidates(m, lshBandKeys(mine), CANDIDATES, caseVisibilitySql(viewer, 3, 'c'));
    let best: RepeatMatch | null = null;
    for (const candidate of candidates) {
      if (candidate.caseId === excludeCaseId) continue;
      const score = round(estimatedSimilarity(mine, candidate.signature));
      if (score >= NEAR_DUPLICATE_THRESHOLD && (best === null || score > best.score))
        best = matchOf(candidate.caseId, score, 'near-duplicate-text');
    }
    return best;
  }

  /**
   * The most similar earlier matter of the petitioner among the cases `viewer` may NOT know of: never shown to `viewer`,
   * only reported to the unit that may see it (RepeatReportsService).
   */
  async findHiddenRepeat(
    m: EntityManager,
    keys: CallerKeys,
    subject: string,
    content: string,
    viewer: CaseViewer,
  ): Promise<RepeatMatch | null> {
    const visible = caseVisibilitySql(viewer, 6, 'c');
    return this.bestAmong(m, keys, subject, content, { ...visible, visible: `(${visible.visible}) IS NOT TRUE` });
  }

  private async bestAmong(
    m: EntityManager,
    keys: CallerKeys,
    subject: string,
    content: string,
    among: VisibilitySql,
    excludeCaseId?: string,
  ): Promise<RepeatMatch | null> {
    if (keys.petitionerId === null && keys.phoneIndex === null && keys.nameIndex === null) return null;
    const candidates = (await this.petitions.sameCaller(m, keys, CANDIDATES, among)).filter((c) => c.caseId !== excludeCaseId);
    if (candidates.length === 0) return null;
    const similarity = MatterSimilarity.get();
    const mine = similarity.vector(matterText(subject, content));
    let best: RepeatMatch | null = null;
    const texts = await this.petitions.loadMatterTexts(
      m,
      candidates.map((c) => c.caseId),
    );
    for (const candidate of candidates) {
      const dossier = texts.get(candidate.caseId);
      if (!dossier) continue;
      const score = round(cosine(mine, similarity.vector(matterText(dossier.subject, dossier.content))));
      if (score >= this.config.repeatThreshold && (best === null || score > best.score))
        best = matchOf(candidate.caseId, score, candidate.basis);
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

function matchOf(caseId: string, score: number, basis: RepeatBasis): RepeatMatch {
  const words = BASIS_WORDS[basis];
  return {
    caseId,
    score,
    basis,
    reason: { zh: `${words.zh}，事项内容相似度${score.toFixed(2)}`, en: `${words.en}, matter similarity ${score.toFixed(2)}` },
  };
}

function round(score: number): number {
  return Math.round(score * 10000) / 10000;
}
