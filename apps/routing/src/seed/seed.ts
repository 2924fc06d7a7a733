import 'reflect-metadata';
import { dataSourceOptions, ensureSchema, loadPlatformConfig, OutboxWriter } from '@sunshine/platform';
import { DataSource } from 'typeorm';
import { OrgDirectoryService, type UnitDraft } from '../directory/org-directory.service';
import { ROUTING_DATABASE } from '../routing-database';
import { SMALL_FIXTURE } from './small-fixture';

/**
 * `node dist/apps/routing/src/seed/seed.js [--fixture small|demo]` — loads the organisation directory into
 * routing's schema and writes every new or changed unit to the outbox; the routing service's relay publishes them
 * on the org-directory topic. Idempotent: unchanged units are not republished.
 */
async function main(): Promise<void> {
  const fixture = process.argv.includes('--fixture') ? process.argv[process.argv.indexOf('--fixture') + 1] : 'small';
  const units: readonly UnitDraft[] = fixture === 'small' ? SMALL_FIXTURE : await loadDemo();
  const config = loadPlatformConfig('routing');
  await ensureSchema(config.database.url, config.database.schema);
  const dataSource = await new DataSource(dataSourceOptions(config, ROUTING_DATABASE)).initialize();
  try {
    const directory = new OrgDirectoryService(new OutboxWriter(config));
    const changed = await dataSource.transaction((m) => directory.upsert(m, units, 'routing-seed'));
    process.stdout.write(`seed ${fixture}: ${units.length} units, ${changed} new or changed (published by the routing service)\n`);
  } finally {
    await dataSource.destroy();
  }
}

async function loadDemo(): Promise<readonly UnitDraft[]> {
  const { loadDemoDirectory } = await import('./demo-directory');
  return loadDemoDirectory();
}

main().catch((error: unknown) => {
  process.stderr.write(`seed failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
