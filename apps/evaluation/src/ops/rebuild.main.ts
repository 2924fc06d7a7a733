import 'reflect-metadata';

import { rebuildProjections } from './rebuild-projections';

/**
 * Ops: `EVALUATION_REBUILD_SCHEMA_PREFIX=rebuild1 node dist/apps/evaluation/src/ops/rebuild.main.js` rebuilds the
 * projections from offset zero into `rebuild1_evaluation` with the consumer group `rebuild1.evaluation`.
 */
async function main(): Promise<void> {
  const prefix = process.env['EVALUATION_REBUILD_SCHEMA_PREFIX'];
  if (!prefix || !/^[a-z][a-z0-9_]{0,30}$/.test(prefix))
    throw new Error('set EVALUATION_REBUILD_SCHEMA_PREFIX (lowercase letters, digits, _)');
  await rebuildProjections(process.env, { schemaPrefix: prefix, groupPrefix: prefix });
  process.stdout.write(`rebuilt into ${prefix}_evaluation\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`rebuild failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
