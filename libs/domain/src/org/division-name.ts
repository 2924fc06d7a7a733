import type { TerritoryLevel } from '@sunshine/contracts';

// Parenthetical notes in the data, e.g. "杨岗村村民委员会（新乡市古龙实业公司））" or "（工业园区）城南街道".
const PARENTHETICAL = /[（(][^（）()]*[）)]|[）)]+/g;

/**
 * The name people use for a division. The statistics data names a village-level entry after its committee, and
 * inconsistently: "X村村民委员会", "X村民委员会", "X村委会" → "X村"; "X社区居民委员会", "X社区居委会" → "X社区";
 * "X居民委员会" → "X居委会" (no 社区 is invented); "X虚拟社区" / "X虚拟生活区" (placeholders of farms and zones)
 * → "X社区" / "X生活区". Other levels only lose parenthetical notes and stray spaces.
 */
export function normaliseDivisionName(name: string, level: TerritoryLevel): string {
  const clean = name.replace(PARENTHETICAL, '').replace(/\s+/g, '').trim() || name.trim();
  if (level !== 'village') return clean;
  const fixed = clean.replace(/村民委员民$/, '村民委员会'); // one typo in the 2023 data (第伍疃村)
  let m = /^(.+?社区)(居民委员会|居委会)$/.exec(fixed);
  if (m) return m[1];
  m = /^(.+?)(居民委员会|居委会)$/.exec(fixed);
  if (m) return `${m[1]}居委会`;
  m = /^(.+?)(村民委员会|村委会)$/.exec(fixed);
  if (m) return m[1].endsWith('村') ? m[1] : `${m[1]}村`;
  m = /^(.+?)虚拟(社区|生活区)$/.exec(fixed);
  if (m) return `${m[1]}${m[2]}`;
  return fixed;
}

/** The village-level committee's short name: "X村" → "X村委会", "X社区" → "X社区居委会", others unchanged. */
export function villageCommitteeName(normalised: string): string {
  if (normalised.endsWith('村')) return `${normalised}委会`;
  if (normalised.endsWith('社区')) return `${normalised}居委会`;
  return normalised;
}
