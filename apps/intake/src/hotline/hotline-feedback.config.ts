import { loadServiceEnv } from '@sunshine/platform';
import { z } from 'zod';

const schema = z.object({
  /** Attempts before a feedback the hotline keeps refusing is parked (its case's later feedback waits behind it). */
  HOTLINE_FEEDBACK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(12),
  /** The wait after the first refusal; it doubles after each, up to an hour. */
  HOTLINE_FEEDBACK_RETRY_BASE_MS: z.coerce.number().int().min(10).max(3600_000).default(5000),
});

export interface HotlineFeedbackConfig {
  readonly maxAttempts: number;
  readonly retryBaseMs: number;
}

export function loadHotlineFeedbackConfig(source: NodeJS.ProcessEnv = process.env): HotlineFeedbackConfig {
  const e = loadServiceEnv(schema, source);
  return { maxAttempts: e.HOTLINE_FEEDBACK_MAX_ATTEMPTS, retryBaseMs: e.HOTLINE_FEEDBACK_RETRY_BASE_MS };
}
