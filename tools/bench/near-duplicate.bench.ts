import { existsSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

import { estimatedSimilarity, lshBandKeys, minhashSignature, NEAR_DUPLICATE_THRESHOLD } from '@sunshine/domain';

/**
 * `npm run bench near-duplicate`: precision and recall of the near-duplicate test (MinHash, libs/domain) on the Teddy
 * messages, read at run time (TEDDY_DATA, default ../shared/data/teddy/train.jsonl):
 * - positives: reposts in the data (bodies equal, or equal in their first 30 characters: the same message posted again,
 *   edited) and synthetic paraphrases of 600 sampled messages (characters dropped, a sentence added, words swapped for
 *   synonyms, two sentences swapped: a second letter on the same matter);
 * - negatives: each sampled message against another message of the same class (same topic, another matter) and
 *   against any other message.
 * Prints precision / recall / F1 by threshold, the LSH candidate recall, and the time per signature.
 */
interface Row {
  readonly subject?: string | null;
  readonly body?: string | null;
  readonly label1: string;
}
const dataPath = [process.env.TEDDY_DATA, '../shared/data/teddy/train.jsonl', '/work/shared/data/teddy/train.jsonl'].find(
  (p) => p && existsSync(p),
);
if (!dataPath) throw new Error('the Teddy messages are not on this machine (set TEDDY_DATA)');
const rows = readFileSync(dataPath, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Row)
  .filter((r) => (r.body ?? '').trim().length >= 40);

let seed = 20261202;
const random = (): number => {
  seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
  return seed / 2 ** 32;
};
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];

const SYNONYMS: ReadonlyArray<readonly [string, string]> = [
  ['小区', '社区'],
  ['反映', '投诉'],
  ['问题', '情况'],
  ['希望', '恳请'],
  ['政府', '有关部门'],
  ['解决', '处理'],
  ['严重', '非常严重'],
  ['我们', '我'],
];
function paraphrase(text: string): string {
  let t = text;
  for (const [a, b] of SYNONYMS) if (random() < 0.6) t = t.split(a).join(b);
  const sentences = t.split(/(?<=[。！？])/).filter(Boolean);
  if (sentences.length > 2 && random() < 0.7) {
    const i = Math.floor(random() * (sentences.length - 1));
    [sentences[i], sentences[i + 1]] = [sentences[i + 1], sentences[i]];
  }
  t = sentences.join('');
  t = Array.from(t)
    .filter(() => random() > 0.08)
    .join('');
  return `${pick(['我再次反映：', '之前反映过，至今未解决。', '', '各位领导好，'])}${t}${pick(['希望尽快解决，谢谢！', '', '请相关部门给予答复。'])}`;
}

type Pair = readonly [string, string];
const positives: Array<{ pair: Pair; kind: string }> = [];
const byBody = new Map<string, string[]>();
const byPrefix = new Map<string, string[]>();
for (const r of rows) {
  const body = (r.body ?? '').trim();
  byBody.set(body, [...(byBody.get(body) ?? []), body]);
  const prefix = body.slice(0, 30);
  if (body.length > 60) byPrefix.set(prefix, [...(byPrefix.get(prefix) ?? []), body]);
}
for (const group of byBody.values()) if (group.length > 1) positives.push({ pair: [group[0], group[1]], kind: 'repost (same body)' });
for (const group of byPrefix.values()) {
  const distinct = [...new Set(group)];
  if (distinct.length > 1) positives.push({ pair: [distinct[0], distinct[1]], kind: 'repost (edited)' });
}
const sample = Array.from({ length: 600 }, () => pick(rows));
for (const r of sample) positives.push({ pair: [r.body ?? '', paraphrase(r.body ?? '')], kind: 'paraphrase' });
const negatives: Array<{ pair: Pair; kind: string }> = [];
for (const r of sample) {
  const sameClass = rows.filter((o) => o.label1 === r.label1 && o.body !== r.body);
  negatives.push({ pair: [r.body ?? '', pick(sameClass).body ?? ''], kind: 'same class, other matter' });
  negatives.push({ pair: [r.body ?? '', pick(rows).body ?? ''], kind: 'any other message' });
}

const t0 = performance.now();
let signed = 0;
const score = ({ pair }: { pair: Pair }): { similarity: number; candidate: boolean } => {
  const a = minhashSignature(pair[0]);
  const b = minhashSignature(pair[1]);
  signed += 2;
  const keys = new Set(lshBandKeys(a));
  return { similarity: estimatedSimilarity(a, b), candidate: lshBandKeys(b).some((k) => keys.has(k)) };
};
const pos = positives.map((p) => ({ ...p, ...score(p) }));
const neg = negatives.map((p) => ({ ...p, ...score(p) }));
const perSignature = (performance.now() - t0) / signed;

console.log(`near-duplicate (MinHash 128, 3-gram shingles, LSH 32×4) on ${rows.length} messages of ≥ 40 characters`);
const count = (xs: Array<{ kind: string }>): string =>
  Object.entries(xs.reduce<Record<string, number>>((m, x) => ({ ...m, [x.kind]: (m[x.kind] ?? 0) + 1 }), {}))
    .map(([k, n]) => `${n} ${k}`)
    .join(', ');
console.log(`positives: ${count(pos)}; negatives: ${count(neg)}`);
console.log('threshold  precision  recall  F1      recall(reposts)  recall(paraphrases)  false positives (same class)');
for (const t of [0.3, 0.4, 0.5, 0.6, 0.7]) {
  const tp = pos.filter((p) => p.similarity >= t && p.candidate).length;
  const fp = neg.filter((n) => n.similarity >= t && n.candidate).length;
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp / pos.length;
  const f1 = (2 * precision * recall) / (precision + recall || 1);
  const rec = (kind: (k: string) => boolean): string => {
    const xs = pos.filter((p) => kind(p.kind));
    return (xs.filter((p) => p.similarity >= t && p.candidate).length / xs.length).toFixed(3);
  };
  const fpSame = neg.filter((n) => n.kind.startsWith('same') && n.similarity >= t && n.candidate).length;
  console.log(
    `${t.toFixed(1)}${t === NEAR_DUPLICATE_THRESHOLD ? '*' : ' '}       ${precision.toFixed(3)}      ${recall.toFixed(3)}   ${f1.toFixed(3)}   ${rec((k) => k.startsWith('repost'))}            ${rec((k) => k === 'paraphrase')}                ${fpSame}`,
  );
}
const candidateRecall = pos.filter((p) => p.candidate).length / pos.length;
console.log(`LSH candidate recall (any band equal): ${candidateRecall.toFixed(3)}; * = the threshold in use`);
console.log(`signature: ${(perSignature * 1000).toFixed(0)} µs per message on average`);
