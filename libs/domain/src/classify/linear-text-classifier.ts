import { forEachCharNgram } from './char-ngrams';

/**
 * A linear text classifier over TF-IDF character n-grams (the model `tools/classify/train.py` writes): the weights as
 * typed arrays, the vocabulary as a map from n-gram to feature index. Loading it from disk is the platform's business.
 */
export interface LinearTextModel {
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
  readonly vocabulary: ReadonlyMap<string, number>;
  readonly idf: Float32Array;
  /** Row-major classes × features. */
  readonly coef: Float32Array;
  readonly intercept: Float32Array;
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

/** The message's TF-IDF vector over the model's vocabulary: sublinear tf × idf, l2-normalised (sorted by index). */
export function tfidfVector(model: LinearTextModel, input: TextToClassify): SparseVector {
  const counts = new Map<number, number>();
  forEachCharNgram(modelText(model, input), model.ngramMin, model.ngramMax, (gram) => {
    const index = model.vocabulary.get(gram);
    if (index !== undefined) counts.set(index, (counts.get(index) ?? 0) + 1);
  });
  const raw: Array<[number, number]> = [];
  let norm = 0;
  for (const [index, count] of counts) {
    const value = (model.sublinearTf ? 1 + Math.log(count) : count) * model.idf[index];
    raw.push([index, value]);
    norm += value * value;
  }
  norm = Math.sqrt(norm) || 1;
  return raw.map(([index, value]) => [index, value / norm] as const).sort((a, b) => a[0] - b[0]);
}

/** The linear decision coef · x + intercept of one TF-IDF vector, per class. */
function decide(model: LinearTextModel, features: SparseVector): number[] {
  const width = model.idf.length;
  return model.classes.map((_, c) => {
    let sum = model.intercept[c];
    const row = c * width;
    for (const [index, value] of features) sum += model.coef[row + index] * value;
    return sum;
  });
}

/** Classifies one message: TF-IDF (sublinear tf, l2 norm), decision = coef · x + intercept on the whole message plus the
 * model's view weights × the decisions on the subject alone and on the body alone, softmax with temperature. */
export function classifyText(model: LinearTextModel, input: TextToClassify): TextClassification {
  const features = tfidfVector(model, input);
  const decision = decide(model, features);
  const views: Array<[number, TextToClassify]> = model.views
    ? [
        [model.views.subject, { subject: input.subject }],
        [model.views.body, { body: input.body }],
      ]
    : [];
  for (const [weight, view] of views) {
    if (weight === 0) continue;
    const partial = decide(model, tfidfVector(model, view));
    partial.forEach((d, c) => (decision[c] += weight * d));
  }
  const scores = softmax(decision.map((d) => d * model.temperature));
  const readable = (`${input.subject ?? ''}${input.body ?? ''}`.match(CHINESE)?.length ?? 0) >= MIN_CHINESE_CHARACTERS;
  const ranked = model.classes
    .map((label, c) => [label, readable ? scores[c] : 0, scores[c]] as const)
    .sort((a, b) => b[2] - a[2])
    .map(([label, score]) => [label, score] as const);
  return { label: ranked[0][0], score: ranked[0][1], top3: ranked.slice(0, 3), knownFeatures: features.length, readable };
}

function softmax(values: number[]): number[] {
  const max = Math.max(...values);
  const exps = values.map((v) => Math.exp(v - max));
  const total = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / total);
}
