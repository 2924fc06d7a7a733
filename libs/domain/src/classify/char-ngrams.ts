/** The code points of a text (a supplementary-plane character is one, not two UTF-16 units). */
export function codePoints(text: string): number[] {
  const points: number[] = [];
  for (let i = 0; i < text.length;) {
    const point = text.codePointAt(i) as number;
    points.push(point);
    i += point > 0xffff ? 2 : 1;
  }
  return points;
}

/**
 * The text as scikit-learn's `TfidfVectorizer(analyzer='char', lowercase=True)` reads it (the model was trained with
 * it): lower-cased, every run of two or more whitespace characters folded to one space, as code points.
 */
export function analyzedCodePoints(text: string): number[] {
  return codePoints(text.toLowerCase().replace(/\s\s+/g, ' '));
}

/**
 * Character n-grams exactly as scikit-learn's char analyzer builds them: every n-gram for n in [min, max] over the
 * analyzed code points (`analyzedCodePoints`), shortest first.
 */
export function forEachCharNgram(text: string, min: number, max: number, visit: (gram: string) => void): void {
  const points = analyzedCodePoints(text);
  for (let n = min; n <= max; n++) {
    for (let i = 0; i + n <= points.length; i++) visit(String.fromCodePoint(...points.slice(i, i + n)));
  }
}

/** The count of each n-gram of the text (see `forEachCharNgram`). */
export function charNgramCounts(text: string, min: number, max: number): Map<string, number> {
  const counts = new Map<string, number>();
  forEachCharNgram(text, min, max, (gram) => counts.set(gram, (counts.get(gram) ?? 0) + 1));
  return counts;
}
