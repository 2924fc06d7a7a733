import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

import { budgetVerdict, initialScripts } from './budget';

// Prints the console build's initial JavaScript (gzip) and fails above the budget (issue 15: 500 kB).
//   node -r @swc-node/register tools/console-bundle/main.ts [dist/apps/console] [budget kB]
const root = process.argv[2] ?? 'dist/apps/console';
const budget = Number(process.argv[3] ?? 500) * 1000;
const gzipBytes = (file: string) => gzipSync(readFileSync(join(root, file))).length;

const initial = initialScripts(readFileSync(join(root, 'index.html'), 'utf8')).map((src) => src.replace(/^\//, ''));
const all = readdirSync(join(root, 'assets'))
  .filter((f) => f.endsWith('.js'))
  .map((f) => `assets/${f}`);
const lazy = all.filter((f) => !initial.includes(f)).map((file) => ({ file, gzipBytes: gzipBytes(file) }));
const verdict = budgetVerdict(
  {
    initialGzipBytes: initial.reduce((sum, f) => sum + gzipBytes(f), 0),
    initialFiles: initial.length,
    lazyChunks: lazy.length,
    largestLazy: lazy.sort((a, b) => b.gzipBytes - a.gzipBytes)[0] ?? null,
  },
  budget,
);
console.log(verdict.line);
if (!verdict.ok) process.exit(1);
