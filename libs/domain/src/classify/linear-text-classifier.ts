import { analyzedCodePoints, codePoints } from './char-ngrams';

/**
 * A linear text classifier over TF-IDF character n-grams, as `tools/classify/train.py` writes it: the vocabulary (feature
 * index → n-gram), the weights class-major as typed arrays. Reading it from disk is the platform's business;
 * `prepareLinearTextModel` turns it into the `LinearTextModel` messages are read with.
 */
export interface LinearTextModelSource {
  readonly version: string;
  readonly classes: readonly string[];
  readonly ngramMin: number;
  readonly ngramMax: number;
  /** How many times the subject is written before the body (the training text: subject\n × k + body). */
  readonly subjectRepeat: number;
  readonly sublinearTf: boolean;
  /** Views: the decision on the whole message plus `subject` × the decision on the subject alone and `body` × the
   * decision on the body alone (each through the same model: most training rows are one or the other). None: whole only. */
  readonly views?: { readonly subject: number; readonly body: number };
  /** Softmax temperature fitted on the validation split: score = softmax(decision × temperature). */
  readonly temperature: number;
  /** The n-gram of each feature index. */
  readonly vocabulary: readonly string[];
  readonly idf: Float32Array;
  /** Row-major classes × features. */
  readonly coef: Float32Array;
  readonly intercept: Float32Array;
}

/** How the vocabulary's n-grams are looked up while reading (built once by `prepareLinearTextModel`): every character
 * of the 1- and 2-grams numbered 0…chars-1, the 1-grams and 2-grams by those numbers (no string per n-gram while
 * reading, small-integer keys), longer n-grams by their text. */
export interface NgramLookup {
  /** Basic-plane code point → character number, -1 when no 1- or 2-gram of the vocabulary holds it. */
  readonly basic: Int32Array;
  readonly supplementary: ReadonlyMap<number, number>;
  readonly chars: number;
  /** Character number → feature index of the 1-gram, -1 when unknown. */
  readonly unigrams: Int32Array;
  /** first × chars + second → feature index of the 2-gram. */
  readonly bigrams: ReadonlyMap<number, number>;
  /** The n-grams of 3 or more characters → feature index (empty when the model's n-grams stop at 2). */
  readonly longer: ReadonlyMap<string, number>;
}

/**
 * A model ready to read messages (`prepareLinearTextModel`): only what `classifyText` and `tfidfVector` read — the
 * n-gram lookup and the weights feature-major (the weights of one feature side by side); the source's vocabulary and
 * class-major weights are not kept.
 */
export interface LinearTextModel extends Omit<LinearTextModelSource, 'vocabulary' | 'coef'> {
  readonly lookup: NgramLookup;
  /** Features × classes (the transpose of the source's `coef`). */
  readonly weights: Float32Array;
}

export interface TextToClassify {
  readonly subject?: string | null;
  readonly body?: string | null;
}

export interface TextClassification {
  readonly label: string;
  /** The softmax probability of `label`, 0..1. */
  readonly score: number;
  /** The three best classes, best first, with their scores. */
  readonly top3: ReadonlyArray<readonly [string, number]>;
  /** How many of the text's n-grams the model knows. */
  readonly knownFeatures: number;
  /** False when the text holds fewer than MIN_CHINESE_CHARACTERS Chinese characters: nothing the model can read, so
   * every score is 0 (the ranking is the model's prior) and the clerk must choose. */
  readonly readable: boolean;
}

/** Below this many Chinese characters a message is not classified (empty, a phone number, another language). */
export const MIN_CHINESE_CHARACTERS = 4;

const CHINESE = /\p{Script=Han}/gu;

/** The text as the model was trained on it. */
export function modelText(model: Pick<LinearTextModel, 'subjectRepeat'>, input: TextToClassify): string {
  return `${input.subject ?? ''}\n`.repeat(model.subjectRepeat) + (input.body ?? '');
}

/** A sparse TF-IDF vector (feature index → weight, l2-normalised) of a message, as the model sees it. */
export type SparseVector = ReadonlyArray<readonly [number, number]>;

/** The model messages are read with (see `LinearTextModel`), from what training wrote; the source can be dropped after. */
export function prepareLinearTextModel(source: LinearTextModelSource): LinearTextModel {
  const { vocabulary, coef, ...rest } = source;
  const basic = new Int32Array(0x10000).fill(-1);
  const supplementary = new Map<number, number>();
  let chars = 0;
  const longer = new Map<string, number>();
  vocabulary.forEach((gram, index) => {
    const points = codePoints(gram);
    if (points.length > 2) {
      longer.set(gram, index);
      return;
    }
    for (const point of points) {
      if (point < 0x10000 ? basic[point] < 0 : !supplementary.has(point)) {
        if (point < 0x10000) basic[point] = chars;
        else supplementary.set(point, chars);
        chars++;
      }
    }
  });
  const unigrams = new Int32Array(chars).fill(-1);
  const bigrams = new Map<number, number>();
  const lookup: NgramLookup = { basic, supplementary, chars, unigrams, bigrams, longer };
  vocabulary.forEach((gram, index) => {
    const ids = charNumbers(lookup, codePoints(gram));
    if (ids.length === 1) unigrams[ids[0]] = index;
    else if (ids.length === 2) bigrams.set(ids[0] * chars + ids[1], index);
  });
  const width = source.idf.length;
  const classes = source.classes.length;
  const weights = new Float32Array(coef.length);
  for (let c = 0; c < classes; c++) for (let f = 0; f < width; f++) weights[f * classes + c] = coef[c * width + f];
  return { ...rest, lookup, weights };
}

function charNumbers(lookup: Pick<NgramLookup, 'basic' | 'supplementary'>, points: readonly number[]): Int32Array {
  const ids = new Int32Array(points.length);
  for (let i = 0; i < points.length; i++) {
    const point = points[i];
    ids[i] = point < 0x10000 ? lookup.basic[point] : (lookup.supplementary.get(point) ?? -1);
  }
  return ids;
}

/** Adds to `counts` (feature index → count) the known n-grams of `points` that start before `startBefore` and end after
 * `endAfter` (indices into `points`; by default every n-gram). */
function countGrams(
  model: LinearTextModel,
  points: readonly number[],
  counts: Map<number, number>,
  startBefore = Infinity,
  endAfter = -1,
): void {
  const ready = model.lookup;
  const ids = charNumbers(ready, points);
  const add = (index: number | undefined): void => {
    if (index !== undefined && index >= 0) counts.set(index, (counts.get(index) ?? 0) + 1);
  };
  for (let n = model.ngramMin; n <= model.ngramMax; n++) {
    for (let i = Math.max(0, endAfter - n + 2); i + n <= points.length && i < startBefore; i++) {
      if (n === 1) {
        if (ids[i] >= 0) add(ready.unigrams[ids[i]]);
      } else if (n === 2) {
        if (ids[i] >= 0 && ids[i + 1] >= 0) add(ready.bigrams.get(ids[i] * ready.chars + ids[i + 1]));
      } else {
        add(ready.longer.get(String.fromCodePoint(...points.slice(i, i + n))));
      }
    }
  }
}

/** Sublinear (or raw) tf × idf of the counted features, l2-normalised, sorted by feature index. */
function tfidf(model: LinearTextModel, counts: ReadonlyMap<number, number>): SparseVector {
  const indices = [...counts.keys()].sort((a, b) => a - b);
  const values = indices.map((index) => {
    const count = counts.get(index) as number;
    return (model.sublinearTf ? 1 + Math.log(count) : count) * model.idf[index];
  });
  let norm = 0;
  for (const value of values) norm += value * value;
  norm = Math.sqrt(norm) || 1;
  return indices.map((index, k) => [index, values[k] / norm] as const);
}

/** The message's TF-IDF vector over the model's vocabulary: sublinear tf × idf, l2-normalised (sorted by index). */
export function tfidfVector(model: LinearTextModel, input: TextToClassify): SparseVector {
  const counts = new Map<number, number>();
  countGrams(model, analyzedCodePoints(modelText(model, input)), counts);
  return tfidf(model, counts);
}

/** The TF-IDF vectors of the whole message, of its subject alone and of its body alone (the model's views), from one
 * reading of the text: the whole message's text is the subject view's text followed by the body, so its n-grams are
 * the subject view's, the body's and those across the seam; the body view's are the body's and those after the
 * subject view's leading newlines. Exact unless the body starts with whitespace (a run of whitespace across the seam
 * folds differently): then each text is read on its own. */
function viewVectors(model: LinearTextModel, input: TextToClassify): { whole: SparseVector; subject: SparseVector; body: SparseVector } {
  const body = input.body ?? '';
  if (/^\s/.test(body)) {
    return {
      whole: tfidfVector(model, input),
      subject: tfidfVector(model, { subject: input.subject }),
      body: tfidfVector(model, { body: input.body }),
    };
  }
  const subjectPoints = analyzedCodePoints(modelText(model, { subject: input.subject }));
  const lead = analyzedCodePoints(modelText(model, {}));
  const bodyPoints = analyzedCodePoints(body);
  const subjectCounts = new Map<number, number>();
  countGrams(model, subjectPoints, subjectCounts);
  const bodyCounts = new Map<number, number>();
  countGrams(model, bodyPoints, bodyCounts);
  const wholeCounts = new Map(subjectCounts);
  for (const [index, count] of bodyCounts) wholeCounts.set(index, (wholeCounts.get(index) ?? 0) + count);
  const seam = model.ngramMax - 1;
  const tail = subjectPoints.slice(Math.max(0, subjectPoints.length - seam));
  countGrams(model, tail.concat(bodyPoints.slice(0, seam)), wholeCounts, tail.length, tail.length - 1);
  const bodyViewCounts = new Map(bodyCounts);
  countGrams(model, lead.concat(bodyPoints.slice(0, seam)), bodyViewCounts, lead.length);
  return { whole: tfidf(model, wholeCounts), subject: tfidf(model, subjectCounts), body: tfidf(model, bodyViewCounts) };
}

/** Adds weight × (coef · x + intercept) of one TF-IDF vector to the decision, per class. */
function addDecision(model: LinearTextModel, features: SparseVector, weight: number, decision: number[]): void {
  const { weights } = model;
  const classes = model.classes.length;
  const sums = Array.from(model.intercept);
  for (const [index, value] of features) {
    const row = index * classes;
    for (let c = 0; c < classes; c++) sums[c] += weights[row + c] * value;
  }
  for (let c = 0; c < classes; c++) decision[c] += weight * sums[c];
}

/** Classifies one message: TF-IDF (sublinear tf, l2 norm), decision = coef · x + intercept on the whole message plus the
 * model's view weights × the decisions on the subject alone and on the body alone, softmax with temperature. */
export function classifyText(model: LinearTextModel, input: TextToClassify): TextClassification {
  const decision = model.classes.map(() => 0);
  let whole: SparseVector;
  if (model.views && (model.views.subject !== 0 || model.views.body !== 0)) {
    const vectors = viewVectors(model, input);
    whole = vectors.whole;
    addDecision(model, whole, 1, decision);
    if (model.views.subject !== 0) addDecision(model, vectors.subject, model.views.subject, decision);
    if (model.views.body !== 0) addDecision(model, vectors.body, model.views.body, decision);
  } else {
    whole = tfidfVector(model, input);
    addDecision(model, whole, 1, decision);
  }
  const scores = softmax(decision.map((d) => d * model.temperature));
  const readable = (`${input.subject ?? ''}${input.body ?? ''}`.match(CHINESE)?.length ?? 0) >= MIN_CHINESE_CHARACTERS;
  const ranked = model.classes
    .map((label, c) => [label, readable ? scores[c] : 0, scores[c]] as const)
    .sort((a, b) => b[2] - a[2])
    .map(([label, score]) => [label, score] as const);
  return { label: ranked[0][0], score: ranked[0][1], top3: ranked.slice(0, 3), knownFeatures: whole.length, readable };
}

function softmax(values: number[]): number[] {
  const max = Math.max(...values);
  const exps = values.map((v) => Math.exp(v - max));
  const total = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / total);
}
