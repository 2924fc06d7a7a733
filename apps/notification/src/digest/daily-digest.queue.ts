/** The queue of the daily digest: a repeatable job at the configured time, Asia/Shanghai. */
export const DIGEST_QUEUE = 'notification.digest';
export const DIGEST_SCHEDULER_ID = 'daily-digest';
export const DIGEST_JOB = 'digest';

/** `HH:MM` minutes after midnight → the cron pattern of one run a day. */
export function digestCron(minutesAfterMidnight: number): string {
  return `${minutesAfterMidnight % 60} ${Math.floor(minutesAfterMidnight / 60)} * * *`;
}
