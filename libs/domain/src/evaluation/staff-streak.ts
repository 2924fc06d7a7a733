import type { RatingScore } from '@sunshine/contracts';

/** Two or more consecutive 不满意 on cases a staff member handled flag them (季度满意度评议, seed 000). */
export const STAFF_FLAG_STREAK = 2;

/** The longest run of consecutive 不满意 in `scores` (in the order the ratings came). */
export function longestDissatisfiedRun(scores: readonly RatingScore[]): number {
  let longest = 0;
  let run = 0;
  for (const s of scores) {
    run = s === 'dissatisfied' ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  return longest;
}
