import type { Kafka } from 'kafkajs';

import { sql } from './sql';

/**
 * Drops what a test run left on the shared infrastructure: every schema of its prefix (`<prefix>_<service>`) and every
 * topic (`<prefix>.<name>`), best effort, so a clean-up never fails a suite. Keeps everything with KEEP_TEST_DATA=1,
 * to look at after a failure.
 */
export async function dropTestRun(prefix: string, kafka: Kafka): Promise<void> {
  if (process.env['KEEP_TEST_DATA'] === '1') return;
  const schemas = await sql<{ nspname: string }>(`SELECT nspname FROM pg_namespace WHERE nspname LIKE $1`, [`${prefix}\\_%`]).catch(
    () => [],
  );
  for (const s of schemas) await sql(`DROP SCHEMA IF EXISTS "${s.nspname}" CASCADE`).catch(() => undefined);
  const admin = kafka.admin();
  try {
    await admin.connect();
    const topics = (await admin.listTopics()).filter((t) => t.startsWith(`${prefix}.`));
    if (topics.length > 0) await admin.deleteTopics({ topics, timeout: 30000 });
  } catch {
    // best effort
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}
