import { type RatingSubject, RatingSubjects } from '@sunshine/contracts';
import { loadServiceEnv } from '@sunshine/platform';
import { z } from 'zod';

const positiveInt = (fallback: number, max: number) => z.coerce.number().int().min(1).max(max).default(fallback);

const schema = z.object({
  /** `keyId:base64(32 bytes)` entries, comma separated; older keys still decrypt after rotation. */
  PII_KEYS: z.string().min(1, 'required: personal data is encrypted at rest'),
  PII_CURRENT_KEY: z.string().min(1),
  /** base64 of 32 bytes: HMAC key of the ID-number blind index and of query codes. Never leaves intake. */
  BLIND_INDEX_KEY: z.string().refine((s) => Buffer.from(s, 'base64').length === 32, 'must be 32 bytes, base64'),
  /** routing's base URL: intake fetches a case's reply from it for the petitioner. */
  ROUTING_URL: z.url().default('http://127.0.0.1:3002'),
  /** Where the local-disk attachment store keeps files (one folder per schema). */
  ATTACHMENT_DIR: z.string().min(1).default('.local/intake-attachments'),
  ATTACHMENT_MAX_BYTES: positiveInt(5 * 1024 * 1024, 50 * 1024 * 1024),
  ATTACHMENT_MAX_FILES: positiveInt(10, 100),
  /** Requests per window and client address on each public (citizen) endpoint. */
  PUBLIC_RATE_LIMIT_MAX: positiveInt(30, 100000),
  PUBLIC_RATE_LIMIT_WINDOW_MS: positiveInt(60_000, 24 * 3600_000),
  /**
   * Wrong answers (query codes, one-time codes) a client may give before it waits (15 minutes, doubling with each
   * further one within a day); as many on one case number within 15 minutes slow every attempt on it.
   */
  QUERY_FAILURE_LIMIT: positiveInt(10, 1000),
  /** How long every attempt on a case number being guessed at waits before it is answered (it is never locked). */
  QUERY_CASE_SLOWDOWN_MS: positiveInt(2000, 30_000),
  /** Cosine similarity (0–1) from which the same petitioner's matter counts as a repeat (重复访). */
  REPEAT_SIMILARITY_THRESHOLD: z.coerce.number().min(0.05).max(1).default(0.6),
  /** Who the petitioner rates per stage: the handling unit, and the bureau where configured. */
  RATING_SUBJECTS: z
    .string()
    .default('handling-unit')
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(RatingSubjects)).min(1)),
});

export interface IntakeConfig {
  readonly piiKeys: string;
  readonly piiCurrentKey: string;
  readonly blindIndexKey: Buffer;
  readonly routingUrl: string;
  readonly attachments: { readonly dir: string; readonly maxBytes: number; readonly maxFiles: number };
  readonly publicRateLimit: { readonly max: number; readonly windowMs: number };
  readonly queryFailureLimit: number;
  readonly caseSlowdownMs: number;
  readonly repeatThreshold: number;
  readonly ratingSubjects: readonly RatingSubject[];
}

export const INTAKE_CONFIG = Symbol('INTAKE_CONFIG');

export function loadIntakeConfig(): IntakeConfig {
  const e = loadServiceEnv(schema);
  return {
    piiKeys: e.PII_KEYS,
    piiCurrentKey: e.PII_CURRENT_KEY,
    blindIndexKey: Buffer.from(e.BLIND_INDEX_KEY, 'base64'),
    routingUrl: e.ROUTING_URL.replace(/\/$/, ''),
    attachments: { dir: e.ATTACHMENT_DIR, maxBytes: e.ATTACHMENT_MAX_BYTES, maxFiles: e.ATTACHMENT_MAX_FILES },
    publicRateLimit: { max: e.PUBLIC_RATE_LIMIT_MAX, windowMs: e.PUBLIC_RATE_LIMIT_WINDOW_MS },
    queryFailureLimit: e.QUERY_FAILURE_LIMIT,
    caseSlowdownMs: e.QUERY_CASE_SLOWDOWN_MS,
    repeatThreshold: e.REPEAT_SIMILARITY_THRESHOLD,
    ratingSubjects: e.RATING_SUBJECTS,
  };
}
