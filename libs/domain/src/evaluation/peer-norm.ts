/** How far from its peers' mean a rate may lie before it is shown as unusual: two standard deviations. */
export const PEER_NORM_SIGMAS = 2;
/** Fewer peers with a rate than this: no norm. */
export const PEER_NORM_MIN_PEERS = 3;

/**
 * Anti-gaming (a first cut): the subjects whose rate lies outside their peers' norm (mean ± 2σ of the OTHER peers'
 * rates, so one outlier does not widen its own norm). Subjects without a rate are never flagged.
 */
export function outsidePeerNorm(rates: ReadonlyArray<{ readonly id: string; readonly rate: number | null }>): string[] {
  const known = rates.filter((r): r is { id: string; rate: number } => r.rate !== null);
  return known
    .filter((r) => {
      const others = known.filter((o) => o.id !== r.id).map((o) => o.rate);
      if (others.length < PEER_NORM_MIN_PEERS) return false;
      const mean = others.reduce((s, x) => s + x, 0) / others.length;
      const sigma = Math.sqrt(others.reduce((s, x) => s + (x - mean) ** 2, 0) / others.length);
      return Math.abs(r.rate - mean) > PEER_NORM_SIGMAS * sigma;
    })
    .map((r) => r.id);
}
