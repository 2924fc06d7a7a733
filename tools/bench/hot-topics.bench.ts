import { existsSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

import { type HotTopicOptions, hotTopics, tfidfVector, type TopicItem } from '@sunshine/domain';
import { loadLinearTextModel } from '@sunshine/platform';

/**
 * `npm run bench hot-topics`: the hot-topic clustering (libs/domain hotTopics) on the Teddy messages. The data has no
 * dates and pseudonymised places, so: the place is the first county-level name in the text (A7县, B3区 …, else the
 * city letter), every message falls in one window, and a cluster is judged by (1) its purity — the share of its
 * messages in the cluster's majority first-level class (a topic never spans classes), (2) how many messages it
 * gathers, and (3) its representative subject, printed for a reader to judge (the five largest).
 */
const dataPath = [process.env.TEDDY_DATA, '../shared/data/teddy/train.jsonl', '/work/shared/data/teddy/train.jsonl'].find(
  (p) => p && existsSync(p),
);
if (!dataPath) throw new Error('the Teddy messages are not on this machine (set TEDDY_DATA)');
interface Row {
  readonly subject?: string | null;
  readonly body?: string | null;
  readonly label1: string;
}
const rows = readFileSync(dataPath, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Row)
  .filter((r) => (r.body ?? '').length >= 20);
const model = loadLinearTextModel();
const day = new Date('2026-12-01T00:00:00Z');
const placeOf = (r: Row): string =>
  /[A-Z]\d{1,2}[县区市]/.exec(`${r.subject}${r.body}`)?.[0] ?? /[A-Z]市/.exec(`${r.subject}${r.body}`)?.[0] ?? '?';
const items: TopicItem[] = rows.map((r, i) => ({ id: String(i), placeCode: placeOf(r), at: day, vector: tfidfVector(model, r) }));

console.log(`hot topics on ${rows.length} messages with a body in ${new Set(items.map((i) => i.placeCode)).size} places`);
console.log('similarity  topics  messages in topics  mean purity  mean cohesion  time');
let shown: ReturnType<typeof hotTopics> = [];
for (const similarity of [0.25, 0.3]) {
  const options: HotTopicOptions = { windowDays: 7, minSize: 3, similarity };
  const t = performance.now();
  const topics = hotTopics(items, options);
  const ms = performance.now() - t;
  const purity = topics.map((topic) => {
    const counts = new Map<string, number>();
    for (const id of topic.ids) counts.set(rows[Number(id)].label1, (counts.get(rows[Number(id)].label1) ?? 0) + 1);
    return Math.max(...counts.values()) / topic.ids.length;
  });
  const mean = (xs: number[]): number => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
  const gathered = topics.reduce((a, topic) => a + topic.ids.length, 0);
  console.log(
    `${similarity.toFixed(2)}        ${String(topics.length).padEnd(6)}  ${String(gathered).padEnd(18)}  ${mean(purity).toFixed(3)}        ${mean(topics.map((x) => x.cohesion)).toFixed(3)}          ${ms.toFixed(0)} ms`,
  );
  if (similarity === 0.3) shown = topics;
}
console.log('the five largest at 0.3 (place, size, representative subject):');
for (const topic of shown.slice(0, 5))
  console.log(
    `  ${topic.placeCode}  ${topic.ids.length}  ${(rows[Number(topic.representativeId)].subject ?? rows[Number(topic.representativeId)].body ?? '').slice(0, 40)}`,
  );
