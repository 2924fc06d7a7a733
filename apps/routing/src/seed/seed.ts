import 'reflect-metadata';

import { dataSourceOptions, ensureSchema, loadPlatformConfig, OutboxWriter, ReferenceDataPublisher } from '@sunshine/platform';
import { DataSource } from 'typeorm';

import { OrgDirectoryService, type UnitDraft } from '../directory/org-directory.service';
import { ROUTING_DATABASE } from '../routing-database';
import { RoutingReferencePublisher } from '../rules/routing-reference.publisher';
import { RuleSetStore } from '../rules/rule-set.store';
import { SMALL_FIXTURE } from './small-fixture';

/**
 * `node dist/apps/routing/src/seed/seed.js [--fixture small|demo]` — loads the organisation directory into
 * routing's schema and writes every new or changed unit to the outbox; the routing service's relay publishes them
 * on the org-directory topic; with them the routing rule set in force and the category code table, on the
 * reference-data topic. Idempotent: unchanged units, rules and categories are not republished.
 */
async function main(): Promise<void> {
  const fixture = process.argv.includes('--fixture') ? process.argv[process.argv.indexOf('--fixture') + 1] : 'small';
  const units: readonly UnitDraft[] = fixture === 'small' ? SMALL_FIXTURE : await loadDemo();
  const config = loadPlatformConfig('routing');
  await ensureSchema(config.database.url, config.database.schema);
  const dataSource = await new DataSource(dataSourceOptions(config, ROUTING_DATABASE)).initialize();
  try {
    const outbox = new OutboxWriter(config);
    const directory = new OrgDirectoryService(outbox);
    const reference = new RoutingReferencePublisher(new ReferenceDataPublisher(outbox), new RuleSetStore());
    const actor = { kind: 'system', id: 'routing-seed' } as const;
    const [changed, rules, categories] = await dataSource.transaction(
      async (m) =>
        [
          await directory.upsert(m, units, 'routing-seed'),
          await reference.publishActiveRuleSet(m, actor, true),
          await reference.publishCategoryTable(m, actor),
        ] as const,
    );
    const published = [rules, categories].filter((p) => p.published).map((p) => `${p.kind}:${p.id} r${p.revision}`);
    process.stdout.write(
      `seed ${fixture}: ${units.length} units, ${changed} new or changed; reference data ${published.join(', ') || 'unchanged'} ` +
        '(published by the routing service)\n',
    );
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
