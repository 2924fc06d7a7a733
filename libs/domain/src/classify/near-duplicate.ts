/**
 * 相似件 near-duplicate text across channels: MinHash over character 3-gram shingles of the text with punctuation,
 * whitespace and case removed, and LSH bands so a store can find candidates with an index instead of a scan.
 *
 * Two petitions written by the same person on the same matter through two channels (a letter, then the hotline's
 * transcript; a repost with a line added) share most 3-grams: their Jaccard similarity stays high where different
 * people's texts on the same topic (same words, different facts) do not. The signature is 128 minimum hashes; the
 * estimate of the Jaccard similarity is the share of equal positions. 32 bands of 4 rows: two texts become
 * candidates when one band is equal, which happens with probability 1 − (1 − J⁴)³² (J 0.3 → 0.23, 0.5 → 0.87,
 * 0.7 → 1.00). Figures on the Teddy messages: docs/smart-dispatch.md (`npm run bench near-duplicate`).
 */
export const MINHASH_SIZE = 128;
export const LSH_BANDS = 32;
const ROWS = MINHASH_SIZE / LSH_BANDS;
const SHINGLE = 3;

/** A near duplicate at or above this estimated Jaccard similarity (chosen on the data: see the docs). */
export const NEAR_DUPLICATE_THRESHOLD = 0.4;

/** Han, letters and digits only, lower-case, full-width forms folded: what the matter says, not how it is typed. */
export function shingleText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{Script=Han}\p{L}\p{N}]/gu, '');
}

/** The distinct character 3-grams (a text shorter than 3 characters is its own single shingle). */
export function shingles(text: string): Set<string> {
  const points = Array.from(shingleText(text));
  const out = new Set<string>();
  if (points.length === 0) return out;
  if (points.length < SHINGLE) return out.add(points.join(''));
  for (let i = 0; i + SHINGLE <= points.length; i++) out.add(points[i] + points[i + 1] + points[i + 2]);
  return out;
}

/** 32-bit FNV-1a of the UTF-16 units. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A 32-bit finaliser (murmur3's fmix32): one independent-looking hash per seed. */
function mix(x: number, seed: number): number {
  let h = (x ^ seed) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Fixed seeds (a fixed generator): a signature means the same in every process and release. */
const SEEDS: readonly number[] = (() => {
  let state = 0x5eed2026;
  return Array.from({ length: MINHASH_SIZE }, () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state;
  });
})();

/** The MinHash signature of a text (128 unsigned 32-bit values); all 0xffffffff for a text with nothing to shingle. */
export function minhashSignature(text: string): Uint32Array {
  const signature = new Uint32Array(MINHASH_SIZE).fill(0xffffffff);
  for (const shingle of shingles(text)) {
    const base = fnv1a(shingle);
    for (let i = 0; i < MINHASH_SIZE; i++) {
      const h = mix(base, SEEDS[i]);
      if (h < signature[i]) signature[i] = h;
    }
  }
  return signature;
}

/** The share of equal positions: an estimate of the Jaccard similarity of the two texts' shingle sets. */
export function estimatedSimilarity(a: Uint32Array, b: Uint32Array): number {
  let equal = 0;
  for (let i = 0; i < MINHASH_SIZE; i++) if (a[i] === b[i] && a[i] !== 0xffffffff) equal++;
  return equal / MINHASH_SIZE;
}

/** The LSH band keys to store and look up (`<band>:<hex of its 4 values>`): equal keys make two texts candidates. */
export function lshBandKeys(signature: Uint32Array): string[] {
  const keys: string[] = [];
  for (let band = 0; band < LSH_BANDS; band++) {
    if (signature[band * ROWS] === 0xffffffff) continue;
    let key = `${band}:`;
    for (let r = 0; r < ROWS; r++) key += signature[band * ROWS + r].toString(16).padStart(8, '0');
    keys.push(key);
  }
  return keys;
}

/** The exact Jaccard similarity of two texts' shingle sets (for tests and for re-checking a candidate). */
export function jaccardSimilarity(a: string, b: string): number {
  const x = shingles(a);
  const y = shingles(b);
  if (x.size === 0 || y.size === 0) return 0;
  let both = 0;
  for (const s of x) if (y.has(s)) both++;
  return both / (x.size + y.size - both);
}
