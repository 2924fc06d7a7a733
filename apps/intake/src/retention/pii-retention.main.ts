import { createFieldCipher, loadPlatformConfig, loadRetentionSchedule, parseKeyRing, runRetention } from '@sunshine/platform';
import { Client } from 'pg';

import { LocalDiskAttachmentStore } from '../dossier/local-disk-attachment.store';
import { loadIntakeConfig } from '../intake-config';
import { intakeRetentionSteps } from './pii-retention';

/**
 * Ops (run daily, e.g. by cron or a Kubernetes CronJob): `node dist/apps/intake/src/retention/pii-retention.main.js`
 * erases or de-identifies the personal data intake holds past its period in the retention schedule (libs/domain
 * RETENTION_SCHEDULE; PII_RETENTION_DAYS for the cases, default 1095; PII_RETENTION_PERIODS for the others), with
 * intake's own environment (DATABASE_URL[_INTAKE], DB_SCHEMA_PREFIX, PII_KEYS, PII_CURRENT_KEY, CRYPTO_PROFILE).
 */
async function main(): Promise<void> {
  const platform = loadPlatformConfig('intake');
  const intake = loadIntakeConfig();
  const schedule = loadRetentionSchedule();
  const cipher = createFieldCipher(platform.crypto.profile, parseKeyRing(intake.piiKeys, intake.piiCurrentKey));
  const store = new LocalDiskAttachmentStore(intake.attachments.dir, platform.database.schema);
  const db = new Client({ connectionString: platform.database.url, options: `-c search_path=${platform.database.schema}` });
  await db.connect();
  try {
    let petitioners = 0;
    const steps = intakeRetentionSteps(db, cipher, store, (run) => (petitioners += run.petitioners));
    const taken = await runRetention(steps, schedule, new Date());
    const lines = [...taken].map(([record, n]) => `${record} ${n} (${schedule.get(record)?.days ?? '?'} days)`);
    process.stdout.write(`个人信息去标识化 de-identified: ${lines.join(', ')}; 信访人 petitioners ${petitioners}\n`);
  } finally {
    await db.end();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`pii retention failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
