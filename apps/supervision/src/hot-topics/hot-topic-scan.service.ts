import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

import { AlertWriter } from '../alerts/alert-writer.service';
import { type HotTopicPolicy, SUPERVISION_CONFIG, type SupervisionConfig } from '../supervision-config';
import { type IntakeHotTopic, IntakeHotTopicsClient } from './intake-hot-topics.client';

/** The most case ids a warning names (the contract's bound). */
const MAX_CASE_IDS = 100;

/**
 * 热点问题 as an early warning: each scan asks intake for the clusters of similar petitions per county within the
 * window and raises `alert.early-warning` (kind `hot-topic`, the county, the case ids, the representative petition's
 * id) for each cluster no earlier hot-topic warning of that county already names a petition of: a cluster that grows
 * is warned of once.
 */
@Injectable()
export class HotTopicScanService {
  private readonly logger = new Logger(HotTopicScanService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(SUPERVISION_CONFIG) private readonly config: SupervisionConfig,
    private readonly intake: IntakeHotTopicsClient,
    private readonly alerts: AlertWriter,
  ) {}

  /** One scan; answers how many warnings it raised. */
  async run(): Promise<number> {
    const policy = this.config.alerts.hotTopics;
    const topics = await this.intake.topics(policy);
    if (!topics) return 0;
    let raised = 0;
    for (const topic of topics) {
      if (await this.dataSource.transaction((m) => this.warnOnce(m, topic, policy))) raised++;
    }
    if (raised > 0) this.logger.log(`hot-topic scan: ${raised} warnings from ${topics.length} clusters`);
    return raised;
  }

  private async warnOnce(m: EntityManager, topic: IntakeHotTopic, policy: HotTopicPolicy): Promise<boolean> {
    // One scan at a time per county decides whether a cluster is new (two replicas may run a repetition each).
    await m.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`hot-topic:${topic.divisionCode}`]);
    const known = await m.query<unknown[]>(
      `SELECT 1 FROM alerts WHERE kind = 'hot-topic' AND division_code = $1 AND case_ids && $2::uuid[] LIMIT 1`,
      [topic.divisionCode, topic.caseIds],
    );
    if (known.length > 0) return false;
    const raised = await this.alerts.raise(
      m,
      {
        kind: 'hot-topic',
        level: 'warning',
        divisionCode: topic.divisionCode,
        count: topic.caseIds.length,
        threshold: policy.minSize,
        windowHours: policy.days * 24,
        caseIds: namedCaseIds(topic),
        representativeCaseId: topic.representativeCaseId,
      },
      `hot-topic:${topic.divisionCode}:${topic.caseIds[0]}`,
    );
    return raised !== null;
  }
}

/** The cluster's case ids within the contract's bound, the representative always among them. */
function namedCaseIds(topic: IntakeHotTopic): string[] {
  const first = topic.caseIds.slice(0, MAX_CASE_IDS);
  return first.includes(topic.representativeCaseId) ? first : [...first.slice(0, MAX_CASE_IDS - 1), topic.representativeCaseId];
}
