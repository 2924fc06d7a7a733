import { createFieldCipher, loadPlatformConfig, loadServiceEnv, parseKeyRing } from '@sunshine/platform';
import { Client } from 'pg';
import { z } from 'zod';

import { LocalDiskAttachmentStore } from '../dossier/local-disk-attachment.store';
import { loadIntakeConfig } from '../intake-config';
import { deidentifyExpiredCases } from './pii-retention';

const retentionEnv = z.object({
  /** 个人信息保存期限: days after a case became closed, finalized or withdrawn until its personal data is de-identified. */
  PII_RETENTION_DAYS: z.coerce.number().int().min(30).max(36500).default(1095),
});

/**
 * Ops (run daily, e.g. by cron or a Kubernetes CronJob): `node dist/apps/intake/src/retention/pii-retention.main.js`
 * de-identifies the personal data of the cases terminal for PII_RETENTION_DAYS (default 1095, three years) or longer,
 * with intake's own environment (DATABASE_URL[_INTAKE], DB_SCHEMA_PREFIX, PII_KEYS, PII_CURRENT_KEY, CRYPTO_PROFILE).
 */
async function main(): Promise<void> {
  const platform = loadPlatformConfig('intake');
  const intake = loadIntakeConfig();
  const { PII_RETENTION_DAYS: days } = loadServiceEnv(retentionEnv);
  const cipher = createFieldCipher(platform.crypto.profile, parseKeyRing(intake.piiKeys, intake.piiCurrentKey));
  const store = new LocalDiskAttachmentStore(intake.attachments.dir, platform.database.schema);
  const db = new Client({ connectionString: platform.database.url, options: `-c search_path=${platform.database.schema}` });
  await db.connect();
  try {
    let cases = 0;
    let petitioners = 0;
    for (;;) {
      const run = await deidentifyExpiredCases(db, cipher, store, new Date(), days);
      cases += run.cases.length;
      petitioners += run.petitioners;
      if (run.cases.length === 0) break;
    }
    process.stdout.write(
      `个人信息去标识化 de-identified: ${cases} 件 cases, ${petitioners} 名信访人 petitioners (retention ${days} days)\n`,
    );
  } finally {
    await db.end();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`pii retention failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
