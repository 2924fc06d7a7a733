/** One entry of a taxonomy: a stable code (never renamed once shipped) with its Chinese and English labels. */
export interface Taxon<C extends string = string> {
  readonly code: C;
  readonly zh: string;
  readonly en: string;
}

export type Lang = 'zh' | 'en';

/** A read-only list of taxa with lookups by code. */
export interface Taxonomy<C extends string = string, T extends Taxon<C> = Taxon<C>> {
  readonly entries: readonly T[];
  readonly codes: readonly C[];
  has(code: string): code is C;
  get(code: string): T | undefined;
  /** The label in `lang`, or the code itself when unknown (so a newer code still shows something). */
  label(code: string, lang?: Lang): string;
}

/** Builds a taxonomy; throws at module load on a duplicate code, so a bad table never ships. */
export function defineTaxonomy<C extends string, T extends Taxon<C>>(entries: readonly T[]): Taxonomy<C, T> {
  const byCode = new Map<string, T>();
  for (const entry of entries) {
    if (byCode.has(entry.code)) throw new Error(`duplicate taxonomy code: ${entry.code}`);
    byCode.set(entry.code, entry);
  }
  return {
    entries,
    codes: entries.map((e) => e.code),
    has: (code: string): code is C => byCode.has(code),
    get: (code: string) => byCode.get(code),
    label: (code: string, lang: Lang = 'zh') => byCode.get(code)?.[lang] ?? code,
  };
}
