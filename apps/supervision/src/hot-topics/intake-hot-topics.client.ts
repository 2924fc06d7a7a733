import { Inject, Injectable, Logger } from '@nestjs/common';
import { divisionCodeSchema, uuidSchema } from '@sunshine/contracts';
import { ServiceTokenProvider } from '@sunshine/platform';
import { z } from 'zod';

import { type HotTopicPolicy, SUPERVISION_CONFIG, type SupervisionConfig } from '../supervision-config';

const TIMEOUT_MS = 30_000;

const answerSchema = z.object({
  topics: z.array(
    z.object({
      divisionCode: divisionCodeSchema,
      caseIds: z.array(uuidSchema).min(1),
      representativeCaseId: uuidSchema,
      from: z.string(),
      to: z.string(),
      cohesion: z.number(),
    }),
  ),
});
export type IntakeHotTopic = z.infer<typeof answerSchema>['topics'][number];

/**
 * The clusters of similar petitions per county, from intake (`GET {INTAKE_URL}/hot-topics`, supervision's service
 * token): intake alone holds the text and computes them; the answer names case ids only. Null when intake cannot answer
 * (the next scan asks again).
 */
@Injectable()
export class IntakeHotTopicsClient {
  private readonly logger = new Logger(IntakeHotTopicsClient.name);

  constructor(
    private readonly tokens: ServiceTokenProvider,
    @Inject(SUPERVISION_CONFIG) private readonly config: SupervisionConfig,
  ) {}

  async topics(policy: HotTopicPolicy): Promise<IntakeHotTopic[] | null> {
    const query = `days=${policy.days}&minSize=${policy.minSize}&similarity=${policy.similarity}`;
    try {
      const res = await fetch(`${this.config.intakeUrl}/hot-topics?${query}`, {
        headers: { authorization: `Bearer ${await this.tokens.token()}` },
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      if (res.status !== 200) {
        this.logger.warn(`hot topics: intake answered ${res.status}`);
        return null;
      }
      const parsed = answerSchema.safeParse(await res.json());
      if (!parsed.success) {
        this.logger.warn(`hot topics: intake's answer is not the expected shape: ${parsed.error.message}`);
        return null;
      }
      return parsed.data.topics;
    } catch (error) {
      this.logger.warn(`hot topics: intake unreachable (${error instanceof Error ? error.name : 'error'})`);
      return null;
    }
  }
}
