import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

import { classifyText, type TextToClassify } from '@sunshine/domain';
import { loadLinearTextModel } from '@sunshine/platform';

/**
 * `npm run bench classify`: the category model on its own validation split (the rows tools/classify/train.py held out:
 * sha1(subject + "\n" + body) mod 5 == 0), computed by the Node classifier the intake runs; macro-F1 over all held-out
 * rows and over complete messages (subject and body), per-class F1, latency per message p50/p99 and memory: the RSS
 * the load adds, and what the loaded model itself holds — the JavaScript heap plus typed arrays' buffers, each measured
 * after a full garbage collection, before the load and after it (the file's text and parse are garbage by then).
 * Data: TEDDY_DATA (default ../shared/data/teddy/train.jsonl), read at run time, never copied.
 */
interface Row extends TextToClassify {
  readonly label1: string;
}

const dataPath =
  [process.env.TEDDY_DATA, '../shared/data/teddy/train.jsonl', '/work/shared/data/teddy/train.jsonl'].find((p) => p && existsSync(p)) ??
  '../shared/data/teddy/train.jsonl';
const rows = readFileSync(dataPath, 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line) as Row);
const joined = (r: Row): string => `${r.subject ?? ''}\n${r.body ?? ''}`;
const held = rows.filter((r) => BigInt(`0x${createHash('sha1').update(joined(r), 'utf8').digest('hex')}`) % 5n === 0n);

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
/** The heap in use plus ArrayBuffers (typed arrays live outside the heap), after a full collection. */
function retained(): number {
  gc();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

const rssBefore = process.memoryUsage().rss;
const retainedBefore = retained();
const loadStart = performance.now();
const model = loadLinearTextModel();
const loadMs = performance.now() - loadStart;
const rssModel = process.memoryUsage().rss - rssBefore;
const retainedModel = retained() - retainedBefore;

const times: number[] = [];
const predicted: string[] = [];
for (const row of held) {
  const t = performance.now();
  predicted.push(classifyText(model, row).label);
  times.push(performance.now() - t);
}
const long = { subject: '关于小区噪音扰民的投诉', body: '夜间施工噪音严重影响居民休息。'.repeat(1400) };
const longTimes: number[] = [];
for (let i = 0; i < 50; i++) {
  const t = performance.now();
  classifyText(model, long);
  longTimes.push(performance.now() - t);
}

function macroF1(truth: string[], guess: string[]): { macro: number; perClass: Record<string, number> } {
  const perClass: Record<string, number> = {};
  for (const label of model.classes) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    truth.forEach((t, i) => {
      if (guess[i] === label && t === label) tp++;
      else if (guess[i] === label) fp++;
      else if (t === label) fn++;
    });
    perClass[label] = tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
  }
  const values = Object.values(perClass);
  return { macro: values.reduce((a, b) => a + b, 0) / values.length, perClass };
}

const quantile = (xs: number[], q: number): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];
const all = macroF1(
  held.map((r) => r.label1),
  predicted,
);
const completeIdx = held.map((r, i) => (r.subject && r.body ? i : -1)).filter((i) => i >= 0);
const complete = macroF1(
  completeIdx.map((i) => held[i].label1),
  completeIdx.map((i) => predicted[i]),
);

console.log(
  `category model ${model.version}: ${model.idf.length} features, loaded in ${loadMs.toFixed(0)} ms, +${(rssModel / 2 ** 20).toFixed(0)} MB RSS, ` +
    `the model holds ${(retainedModel / 2 ** 20).toFixed(1)} MB (heap + typed arrays after GC)`,
);
console.log(`validation: ${held.length} rows, ${completeIdx.length} complete messages`);
console.log(`macro-F1 all held-out rows      ${all.macro.toFixed(4)}`);
console.log(`macro-F1 complete messages      ${complete.macro.toFixed(4)}`);
for (const [label, f] of Object.entries(all.perClass)) console.log(`  F1 ${label.padEnd(8, '　')} ${f.toFixed(4)}`);
console.log(
  `latency per message: p50 ${quantile(times, 0.5).toFixed(3)} ms, p99 ${quantile(times, 0.99).toFixed(3)} ms, max ${Math.max(...times).toFixed(3)} ms`,
);
console.log(`a 20 kB body: p50 ${quantile(longTimes, 0.5).toFixed(2)} ms, p99 ${quantile(longTimes, 0.99).toFixed(2)} ms`);
console.log(
  `RSS ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB, heap used ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MB`,
);
