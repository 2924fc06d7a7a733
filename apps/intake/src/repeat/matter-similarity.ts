import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { Jieba } from '@node-rs/jieba';

export type TermVector = ReadonlyMap<string, number>;

// Petition boilerplate that says nothing about the matter.
const STOP_WORDS = new Set([
  '本人',
  '我们',
  '请求',
  '要求',
  '希望',
  '反映',
  '问题',
  '情况',
  '有关',
  '部门',
  '领导',
  '帮助',
  '解决',
  '处理',
  '一直',
  '没有',
  '现在',
]);
const WORD = /[\p{Script=Han}\p{L}\p{N}]/u;

/**
 * Similarity of two matters (重复访): TF-IDF vectors over Chinese word segmentation (jieba, with its IDF table), compared
 * by cosine. Subject and content are compared together; single characters, punctuation and boilerplate are dropped.
 */
export class MatterSimilarity {
  private static shared?: MatterSimilarity;
  private readonly jieba: Jieba;
  private readonly idf: IdfTable;
  private readonly defaultIdf: number;

  // The dictionary files are read here and dropped once parsed (importing `@node-rs/jieba/dict` kept 11 MB of them
  // alive for the life of the process).
  private constructor() {
    this.jieba = Jieba.withDict(readFileSync(jiebaFile('dict.txt')));
    this.idf = IdfTable.parse(readFileSync(jiebaFile('idf.txt'), 'utf8'));
    this.defaultIdf = this.idf.median();
  }

  /** One instance per process: the dictionary takes a moment to load (and ~40 MB). */
  static get(): MatterSimilarity {
    MatterSimilarity.shared ??= new MatterSimilarity();
    return MatterSimilarity.shared;
  }

  terms(text: string): string[] {
    return this.jieba.cut(text, true).filter((t) => [...t].length >= 2 && WORD.test(t) && !STOP_WORDS.has(t));
  }

  vector(text: string): TermVector {
    const counts = new Map<string, number>();
    for (const term of this.terms(text)) counts.set(term, (counts.get(term) ?? 0) + 1);
    const out = new Map<string, number>();
    for (const [term, n] of counts) out.set(term, n * (this.idf.get(term) ?? this.defaultIdf));
    return out;
  }

  score(a: string, b: string): number {
    return cosine(this.vector(a), this.vector(b));
  }
}

/** Cosine of two sparse vectors, in [0, 1] for non-negative weights; 0 when either is empty. */
export function cosine(a: TermVector, b: TermVector): number {
  let dot = 0;
  for (const [term, w] of a) dot += w * (b.get(term) ?? 0);
  const norm = (v: TermVector) => Math.sqrt([...v.values()].reduce((s, w) => s + w * w, 0));
  const denominator = norm(a) * norm(b);
  return denominator === 0 ? 0 : Math.min(1, dot / denominator);
}

/** The matter as compared: subject and content together. */
export function matterText(subject: string, content: string): string {
  return `${subject}。${content}`;
}

function jiebaFile(name: string): string {
  return join(dirname(require.resolve('@node-rs/jieba/package.json')), name);
}

/**
 * jieba's IDF table (270,000 terms) as one string of the terms, their offsets and weights, and an open-addressing hash
 * of them: ~6 MB where a Map of the same entries held ~35 MB of heap (and ~85 MB of RSS while it was built).
 */
export class IdfTable {
  private constructor(
    /** The terms one after the other. */
    private readonly terms: string,
    /** Where each term starts in `terms`; one more entry: the end. */
    private readonly starts: Int32Array,
    private readonly weights: Float64Array,
    /** Entry index + 1 per slot, 0 = empty; a power of two at least twice the entries. */
    private readonly slots: Int32Array,
  ) {}

  /** Lines `term weight`; a line without a finite weight is skipped; of a term listed twice the last weight counts. */
  static parse(text: string): IdfTable {
    const keys: string[] = [];
    const values: number[] = [];
    for (let at = 0; at < text.length;) {
      const nl = text.indexOf('\n', at);
      const end = nl < 0 ? text.length : nl;
      const space = text.lastIndexOf(' ', end - 1);
      if (space > at) {
        const weight = Number(text.slice(space + 1, end));
        if (Number.isFinite(weight)) {
          keys.push(text.slice(at, space));
          values.push(weight);
        }
      }
      at = end + 1;
    }
    const starts = new Int32Array(keys.length + 1);
    keys.forEach((k, i) => (starts[i + 1] = (starts[i] ?? 0) + k.length));
    let size = 2;
    while (size < keys.length * 2) size *= 2;
    const table = new IdfTable(keys.join(''), starts, Float64Array.from(values), new Int32Array(size));
    keys.forEach((k, i) => table.insert(k, i));
    return table;
  }

  get(term: string): number | undefined {
    const entry = this.find(term);
    return entry < 0 ? undefined : this.weights[entry];
  }

  /** The median weight (the upper middle of an even count), 10 for an empty table: the weight of a term not listed. */
  median(): number {
    const sorted = Float64Array.from(this.weights).sort();
    return sorted[Math.floor(sorted.length / 2)] ?? 10;
  }

  /** The entry of `term`, or -1. */
  private find(term: string): number {
    const mask = this.slots.length - 1;
    for (let slot = hash(term) & mask; ; slot = (slot + 1) & mask) {
      const entry = (this.slots[slot] ?? 0) - 1;
      if (entry < 0 || this.holds(entry, term)) return entry;
    }
  }

  private insert(term: string, entry: number): void {
    const mask = this.slots.length - 1;
    for (let slot = hash(term) & mask; ; slot = (slot + 1) & mask) {
      const existing = (this.slots[slot] ?? 0) - 1;
      if (existing < 0) {
        this.slots[slot] = entry + 1;
        return;
      }
      if (this.holds(existing, term)) {
        // Listed twice: the slot keeps the first entry's place, with the last weight.
        this.weights[existing] = this.weights[entry] ?? 0;
        return;
      }
    }
  }

  /** Whether entry `entry` is `term`, compared in place (no copy of the stored term). */
  private holds(entry: number, term: string): boolean {
    const start = this.starts[entry] ?? 0;
    if ((this.starts[entry + 1] ?? 0) - start !== term.length) return false;
    for (let i = 0; i < term.length; i++) if (this.terms.charCodeAt(start + i) !== term.charCodeAt(i)) return false;
    return true;
  }
}

/** FNV-1a over the UTF-16 code units. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
