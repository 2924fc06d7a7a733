import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * `npm run bench [target] [-- options]`: runs tools/bench/<target>.bench.ts (default `domain`) with the options after
 * the target. Every `<name>.bench.ts` dropped here is a target; none asserts anything (figures, never timed tests).
 */
function main(): void {
  const targets = readdirSync(__dirname)
    .filter((f) => f.endsWith('.bench.ts'))
    .map((f) => f.slice(0, -'.bench.ts'.length))
    .sort();
  const [first] = process.argv.slice(2);
  const target = first && !first.startsWith('-') ? first : 'domain';
  const file = join(__dirname, `${target}.bench.ts`);
  if (!existsSync(file)) {
    process.stderr.write(`no benchmark "${target}" (无此基准); targets: ${targets.join(', ')}\n`);
    process.exit(2);
  }
  // The benchmark reads its own options from process.argv.slice(2), as if started directly.
  if (first === target) process.argv.splice(2, 1);
  require(file);
}

main();
