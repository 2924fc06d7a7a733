import { loadPlatformConfig, loadRetentionSchedule, runRetention } from '@sunshine/platform';
import { Client } from 'pg';

import { notificationRetentionSteps } from './delivery-retention';

/**
 * Ops (run daily, like intake's pii-retention): `node dist/apps/notification/src/retention/delivery-retention.main.js`
 * erases the addresses of deliveries ended longer ago than the schedule's `notification-delivery` period (libs/domain
 * RETENTION_SCHEDULE, PII_RETENTION_PERIODS), with notification's own environment (DATABASE_URL[_NOTIFICATION]).
 */
async function main(): Promise<void> {
  const platform = loadPlatformConfig('notification');
  const schedule = loadRetentionSchedule();
  const db = new Client({ connectionString: platform.database.url, options: `-c search_path=${platform.database.schema}` });
  await db.connect();
  try {
    const taken = await runRetention(notificationRetentionSteps(db), schedule, new Date());
    const lines = [...taken].map(([record, n]) => `${record} ${n} (${schedule.get(record)?.days ?? '?'} days)`);
    process.stdout.write(`个人信息删除 erased: ${lines.join(', ')}\n`);
  } finally {
    await db.end();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`delivery retention failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
