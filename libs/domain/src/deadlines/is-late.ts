import { instantMs } from '../calendar';
import type { Deadline } from './compute-deadline';

/**
 * True when `at` is at or after the deadline's end (24:00 Asia/Shanghai of its last day), e.g. a rating, review
 * request or objection that arrives too late. A provisional deadline (unpublished holiday year) is still applied:
 * check `deadline.provisional` if a refusal should wait for the year's arrangement.
 */
export function isLate(at: string | Date, deadline: Pick<Deadline, 'dueAt'>): boolean {
  return instantMs(at) >= instantMs(deadline.dueAt);
}
