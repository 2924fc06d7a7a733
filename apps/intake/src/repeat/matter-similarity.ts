import { Jieba } from '@node-rs/jieba';
import { dict, idf } from '@node-rs/jieba/dict';

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
  private readonly jieba = Jieba.withDict(dict);
  private readonly idf = new Map<string, number>();
  private readonly defaultIdf: number;

  private constructor() {
    const weights: number[] = [];
    for (const line of Buffer.from(idf).toString('utf8').split('\n')) {
      const space = line.lastIndexOf(' ');
      if (space <= 0) continue;
      const weight = Number(line.slice(space + 1));
      if (!Number.isFinite(weight)) continue;
      this.idf.set(line.slice(0, space), weight);
      weights.push(weight);
    }
    weights.sort((a, b) => a - b);
    this.defaultIdf = weights[Math.floor(weights.length / 2)] ?? 10;
  }

  /** One instance per process: the dictionary takes a moment to load. */
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
