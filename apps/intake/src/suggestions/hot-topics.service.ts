import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { divisionAt, hotTopics, type LinearTextModel, tfidfVector, type TopicItem } from '@sunshine/domain';
import { Clock } from '@sunshine/platform';
import type { DataSource } from 'typeorm';

import { PetitionRepository } from '../core/petition.repository';
import { CATEGORY_MODEL } from './category-model.provider';

export interface HotTopicsQuery {
  readonly days: number;
  readonly minSize: number;
  readonly similarity: number;
}

export interface HotTopicView {
  /** The county (区县) the petitions' places lie in. */
  readonly divisionCode: string;
  /** The petitions of the cluster, in time order (case ids only: the text stays in intake). */
  readonly caseIds: readonly string[];
  /** The petition nearest the cluster's centroid: its text (read through the dossier, visibility applied) names the topic. */
  readonly representativeCaseId: string;
  readonly from: string;
  readonly to: string;
  /** Mean cosine of the petitions to the centroid (1 = all alike). */
  readonly cohesion: number;
}

export interface HotTopicsAnswer {
  readonly from: string;
  readonly to: string;
  /** Open petitions read (accusations and confidential petitions are never clustered). */
  readonly petitions: number;
  readonly topics: readonly HotTopicView[];
}

/** The most petitions one call clusters (a city's busiest week is well below it). */
export const HOT_TOPIC_READ_LIMIT = 20_000;
const DAY_MS = 86_400_000;

/**
 * 热点问题: the clusters of similar open petitions per county received within the last `days` (libs/domain `hotTopics`
 * over the category model's TF-IDF vectors). Intake computes them because it alone holds the text; the answer names
 * case ids only, for supervision's early warning (docs/smart-dispatch.md).
 */
@Injectable()
export class HotTopicsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CATEGORY_MODEL) private readonly model: LinearTextModel,
    private readonly petitions: PetitionRepository,
    private readonly clock: Clock,
  ) {}

  async topics(q: HotTopicsQuery): Promise<HotTopicsAnswer> {
    const to = this.clock.now();
    const from = new Date(to.getTime() - q.days * DAY_MS);
    const texts = await this.petitions.openTextsReceived(this.dataSource.manager, from, to, HOT_TOPIC_READ_LIMIT);
    const items: TopicItem[] = texts.map((t) => ({
      id: t.caseId,
      placeCode: divisionAt(t.placeCode, 'county') ?? t.placeCode,
      at: t.receivedAt,
      vector: tfidfVector(this.model, { subject: t.subject, body: t.content }),
    }));
    const topics = hotTopics(items, { windowDays: q.days, minSize: q.minSize, similarity: q.similarity });
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      petitions: texts.length,
      topics: topics.map((t) => ({
        divisionCode: t.placeCode,
        caseIds: t.ids,
        representativeCaseId: t.representativeId,
        from: t.from.toISOString(),
        to: t.to.toISOString(),
        cohesion: Math.round(t.cohesion * 1e4) / 1e4,
      })),
    };
  }
}
