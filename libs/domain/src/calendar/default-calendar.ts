import { chineseDaysArrangements } from './chinese-days-source';
import type { LocalDate } from './local-date';
import { WorkingCalendar } from './working-calendar';

let cached: WorkingCalendar | undefined;

/** The calendar with every arrangement chinese-days ships. Extend it with `withArrangements` for a new year. */
export function defaultWorkingCalendar(): WorkingCalendar {
  cached ??= WorkingCalendar.fromArrangements(chineseDaysArrangements());
  return cached;
}

/** Is this Asia/Shanghai date a working day? A make-up working day (调休上班日) is one. */
export function isWorkingDay(date: LocalDate, calendar: WorkingCalendar = defaultWorkingCalendar()): boolean {
  return calendar.isWorkingDay(date);
}
