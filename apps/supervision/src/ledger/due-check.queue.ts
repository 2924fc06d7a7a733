import type { JobCorrelation } from '@sunshine/platform';

/** The BullMQ queue that wakes supervision's due check (prefixed per run by the platform's queue module). */
export const DUE_CHECK_QUEUE = 'supervision-due-check';

/** The repeatable scan (one job scheduler; BullMQ gives each repetition its own job id). */
export const SCAN_SCHEDULER_ID = 'due-scan';
export const SCAN_JOB = 'scan';
/** A delayed wake-up for one clock's next notice (an optimisation: the scan alone is enough). */
export const WAKE_JOB = 'wake';

/** `correlationId`: the work that scheduled the wake-up (withCorrelation), so its check logs and emits under it. */
export interface WakeJobData extends JobCorrelation {
  readonly caseId: string;
}
