import { readFileSync } from 'node:fs';

import { categoryCodeSchema } from '@sunshine/contracts';
import { z } from 'zod';

import bundledTable from './hotline-class-table.v1.json';

/** One row: a 12345 class (its code, its name, or both, as the hotline platform sends them) and the category it files under. */
const entrySchema = z
  .object({
    classCode: z.string().trim().min(1).max(32).optional(),
    className: z.string().trim().min(1).max(100).optional(),
    category: categoryCodeSchema,
  })
  .strict()
  .refine((e) => e.classCode !== undefined || e.className !== undefined, 'classCode 或 className 至少填一项 / classCode or className');

const tableSchema = z
  .object({
    table: z.literal('hotline-class-table'),
    version: z.number().int().min(1),
    standard: z.string().min(1),
    note: z.string().optional(),
    entries: z.array(entrySchema).max(5000),
  })
  .strict();

export type HotlineClassEntry = z.infer<typeof entrySchema>;

/** The 12345 class → category mapping as data (GB/T 39666 classes, or the platform's own), with its version. */
export interface HotlineClassTable {
  readonly version: number;
  readonly standard: string;
  readonly entries: readonly HotlineClassEntry[];
}

/** The environment variable naming a deployment's own table file (JSON, the bundled file's shape); unset: the bundled one. */
export const HOTLINE_CLASS_TABLE_FILE = 'HOTLINE_CLASS_TABLE_FILE';

/** Nest token of the table intake loaded at start. */
export const HOTLINE_CLASS_TABLE = Symbol('HOTLINE_CLASS_TABLE');

/**
 * Validates a table: the shape, and no class code or class name twice (one class, one category). Throws naming every
 * problem, so a bad file stops intake at start rather than filing orders by half a table.
 */
export function parseHotlineClassTable(json: unknown, origin: string): HotlineClassTable {
  const parsed = tableSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(table)'}: ${i.message}`);
    throw new Error(`12345 class table ${origin} is malformed: ${issues.join('; ')}`);
  }
  const twice: string[] = [];
  const seen = new Set<string>();
  for (const e of parsed.data.entries) {
    for (const key of [
      e.classCode === undefined ? null : `classCode ${e.classCode}`,
      e.className === undefined ? null : `className ${e.className}`,
    ]) {
      if (key === null) continue;
      if (seen.has(key)) twice.push(key);
      seen.add(key);
    }
  }
  if (twice.length > 0) throw new Error(`12345 class table ${origin} names a class twice: ${twice.join(', ')}`);
  return { version: parsed.data.version, standard: parsed.data.standard, entries: parsed.data.entries };
}

/** The table intake files orders by: the file `HOTLINE_CLASS_TABLE_FILE` names, else the bundled `hotline-class-table.v1.json`. */
export function loadHotlineClassTable(source: NodeJS.ProcessEnv = process.env): HotlineClassTable {
  const file = source[HOTLINE_CLASS_TABLE_FILE];
  if (!file) return parseHotlineClassTable(bundledTable, 'hotline-class-table.v1.json (bundled)');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`12345 class table ${file} cannot be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`12345 class table ${file} is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  return parseHotlineClassTable(json, file);
}

/** The category of a class: by its code first (codes are what platforms exchange), else by its name; null when the table has neither. */
export function classCategory(table: HotlineClassTable, order: { classCode?: string; className?: string }): string | null {
  const code = order.classCode?.trim();
  const name = order.className?.trim();
  const byCode = code ? table.entries.find((e) => e.classCode === code) : undefined;
  if (byCode) return byCode.category;
  const byName = name ? table.entries.find((e) => e.className === name) : undefined;
  return byName?.category ?? null;
}
