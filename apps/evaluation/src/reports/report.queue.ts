import type { ReportKind } from '@sunshine/contracts';

export const REPORT_QUEUE = 'evaluation-reports';

/** When each report runs (cron, Asia/Shanghai): the day, week, month or year that just ended. */
export const REPORT_SCHEDULES: Readonly<Record<ReportKind, string>> = {
  daily: '0 30 1 * * *',
  weekly: '0 0 2 * * 1',
  monthly: '0 0 3 1 * *',
  annual: '0 0 4 1 1 *',
};

export interface ReportJobData {
  readonly kind: ReportKind;
}
