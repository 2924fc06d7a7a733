import type { DeadlinePolicy, WorkingCalendar } from '@sunshine/domain';

/** The reference data every deadline is counted with: the working calendar and the jurisdictions' deadline policies. */
export interface DeadlineReference {
  readonly calendar: WorkingCalendar;
  readonly policies: readonly DeadlinePolicy[];
}

/**
 * Where a service reads the calendar and policies it counts deadlines with (one source in every service: the
 * replicated reference data). Inject it; never build a calendar of your own.
 */
export abstract class DeadlineContextSource {
  abstract current(): DeadlineReference;
}
