import { readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';

import { type LinearTextModel, prepareLinearTextModel } from '@sunshine/domain';
import { z } from 'zod';

/** Where the committed category model lives, relative to the working directory the services start in (the repo root). */
export const DEFAULT_CATEGORY_MODEL_PATH = 'models/category/model.json';

const modelFileSchema = z.object({
  kind: z.literal('sunshine.linear-text-classifier'),
  version: z.string().min(1),
  analyzer: z.object({
    ngramMin: z.number().int().min(1),
    ngramMax: z.number().int().min(1),
    lowercase: z.literal(true),
    subjectRepeat: z.number().int().min(0),
    sublinearTf: z.boolean(),
    views: z.object({ subject: z.number().min(0), body: z.number().min(0) }).optional(),
  }),
  classes: z.array(z.string().min(1)).min(2),
  temperature: z.number().positive(),
  vocabulary: z.array(z.string()),
  idf: z.string(),
  coef: z.string(),
  intercept: z.string(),
});

function float32(base64: string, expected: number, what: string): Float32Array {
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length !== expected * 4) throw new Error(`category model: ${what} holds ${bytes.length / 4} values, expected ${expected}`);
  const aligned = new Uint8Array(bytes.length);
  aligned.set(bytes);
  return new Float32Array(aligned.buffer);
}

/** Reads and checks a model written by tools/classify/train.py (little-endian float32 arrays in base64) and prepares it
 * for reading messages (`prepareLinearTextModel`: the file's vocabulary and class-major weights are not kept). */
export function loadLinearTextModel(path: string = process.env.CATEGORY_MODEL_PATH ?? DEFAULT_CATEGORY_MODEL_PATH): LinearTextModel {
  const file = modelFileSchema.parse(JSON.parse(readFileSync(isAbsolute(path) ? path : resolve(process.cwd(), path), 'utf8')));
  const width = file.vocabulary.length;
  const classes = file.classes.length;
  return prepareLinearTextModel({
    version: file.version,
    classes: file.classes,
    ngramMin: file.analyzer.ngramMin,
    ngramMax: file.analyzer.ngramMax,
    subjectRepeat: file.analyzer.subjectRepeat,
    sublinearTf: file.analyzer.sublinearTf,
    views: file.analyzer.views,
    temperature: file.temperature,
    vocabulary: file.vocabulary,
    idf: float32(file.idf, width, 'idf'),
    coef: float32(file.coef, width * classes, 'coef'),
    intercept: float32(file.intercept, classes, 'intercept'),
  });
}
