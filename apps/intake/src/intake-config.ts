import { loadServiceEnv } from '@sunshine/platform';
import { z } from 'zod';

const schema = z.object({
  /** `keyId:base64(32 bytes)` entries, comma separated; older keys still decrypt after rotation. */
  PII_KEYS: z.string().min(1, 'required: personal data is encrypted at rest'),
  PII_CURRENT_KEY: z.string().min(1),
  /** base64 of 32 bytes: HMAC key of the ID-number blind index and of query codes. Never leaves intake. */
  BLIND_INDEX_KEY: z.string().refine((s) => Buffer.from(s, 'base64').length === 32, 'must be 32 bytes, base64'),
});

export interface IntakeConfig {
  readonly piiKeys: string;
  readonly piiCurrentKey: string;
  readonly blindIndexKey: Buffer;
}

export const INTAKE_CONFIG = Symbol('INTAKE_CONFIG');

export function loadIntakeConfig(): IntakeConfig {
  const e = loadServiceEnv(schema);
  return { piiKeys: e.PII_KEYS, piiCurrentKey: e.PII_CURRENT_KEY, blindIndexKey: Buffer.from(e.BLIND_INDEX_KEY, 'base64') };
}
