/** One table of a report: a sheet in the workbook, a table on the printed page. */
export interface ReportTable {
  readonly name: string;
  readonly headers: readonly string[];
  readonly rows: ReadonlyArray<ReadonlyArray<string | number | null>>;
}

/** What a stored report holds: its title and tables (zh-CN headers). */
export interface ReportContent {
  readonly title: string;
  readonly tables: readonly ReportTable[];
}

/** 日报 / 周报 / 月报 / 年度报告 and the calendar period each covers. */
export const REPORT_PERIODS = { daily: 'day', weekly: 'week', monthly: 'month', annual: 'year' } as const;
export const REPORT_TITLES = {
  daily: '信访工作日报',
  weekly: '信访工作周报',
  monthly: '信访工作月报',
  annual: '信访工作年度报告（《信访工作条例》第41条）',
} as const;
