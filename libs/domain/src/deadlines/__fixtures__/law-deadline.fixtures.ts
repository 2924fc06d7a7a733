import { computeDeadline } from '../compute-deadline';
import { clockSpecFor } from '../deadline-policy';

/** A clock kind of the law, its start instant (UTC), the last day worked out by hand from the notices, and why. */
export type LastDayRow = readonly [kind: string, startAt: string, lastDay: string, why: string];

/**
 * One test per row: the law's period of that kind, counted from the start instant on the bundled calendar, ends at
 * 24:00 Asia/Shanghai of the last day (= that day 16:00Z), final (every year it touches is published).
 */
export function itEndsOnTheLastDay(rows: readonly LastDayRow[]): void {
  it.each(rows)('%s from %s ends on %s (%s)', (kind, startAt, lastDay) => {
    expect(computeDeadline(clockSpecFor(kind), { startAt })).toMatchObject({
      lastDay,
      dueAt: `${lastDay}T16:00:00.000Z`,
      provisional: false,
      unpublishedYears: [],
    });
  });
}
