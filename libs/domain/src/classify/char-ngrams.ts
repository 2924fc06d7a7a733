/**
 * Character n-grams exactly as scikit-learn's `TfidfVectorizer(analyzer='char', lowercase=True)` builds them (the
 * model was trained with it): lower-case, every run of two or more whitespace characters folded to one space, then
 * every n-gram for n in [min, max] over code points (not UTF-16 units), shortest first.
 */
export function forEachCharNgram(text: string, min: number, max: number, visit: (gram: string) => void): void {
  const points = Array.from(text.toLowerCase().replace(/\s\s+/g, ' '));
  for (let n = min; n <= max; n++) {
    for (let i = 0; i + n <= points.length; i++) {
      let gram = points[i];
      for (let k = 1; k < n; k++) gram += points[i + k];
      visit(gram);
    }
  }
}

/** The count of each n-gram of the text (see `forEachCharNgram`). */
export function charNgramCounts(text: string, min: number, max: number): Map<string, number> {
  const counts = new Map<string, number>();
  forEachCharNgram(text, min, max, (gram) => counts.set(gram, (counts.get(gram) ?? 0) + 1));
  return counts;
}
