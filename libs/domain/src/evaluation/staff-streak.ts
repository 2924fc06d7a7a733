import type { RatingScore } from '@sunshine/contracts';

/** Two or more consecutive 不满意 on cases a staff member handled flag them (季度满意度评议, seed 000). */
export const STAFF_FLAG_STREAK = 2;

/** The longest run of consecutive 不满意 among `ratings` (in the order they came): the ratings of the run. */
export function longestDissatisfiedRun<T extends { readonly score: RatingScore }>(ratings: readonly T[]): T[] {
  let longest: T[] = [];
  let run: T[] = [];
  for (const r of ratings) {
    run = r.score === 'dissatisfied' ? [...run, r] : [];
    if (run.length > longest.length) longest = run;
  }
  return longest;
}
