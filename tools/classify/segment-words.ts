import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { Jieba } from '@node-rs/jieba';

/**
 * Word segmentation of the Teddy messages for `blend_cv.py`'s word feature spaces (w12s4, w1s4): the segmenter the
 * intake already loads (@node-rs/jieba with its own dict.txt, `cut(text, hmm = true)` of the lower-cased text, blank
 * tokens dropped), so that a model trained on these words would be read with exactly the same words in Node. Writes
 * .local/classify/teddy-words.jsonl, one line `{"s": [subject words], "b": [body words]}` per line of train.jsonl.
 *
 * `SWC_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register tools/classify/segment-words.ts`
 */
const data =
  [process.env.TEDDY_DATA, '../shared/data/teddy/train.jsonl', '/work/shared/data/teddy/train.jsonl'].find((p) => p && existsSync(p)) ??
  '../shared/data/teddy/train.jsonl';
const out = '.local/classify/teddy-words.jsonl';

const jieba = Jieba.withDict(readFileSync(join(dirname(require.resolve('@node-rs/jieba/dict')), 'dict.txt')));
const words = (text: string | undefined): string[] => (text ? jieba.cut(text.toLowerCase(), true).filter((w) => w.trim().length > 0) : []);

const rows = readFileSync(data, 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line) as { subject?: string; body?: string });
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, rows.map((r) => `${JSON.stringify({ s: words(r.subject), b: words(r.body) })}\n`).join(''));
console.log(`${rows.length} rows segmented into ${out}`);
