import { addDays, assertLocalDate, dayOfWeek, type LocalDate, yearOf } from './local-date';
import { holidayDaysOf, type StatutoryHoliday, statutoryHolidaysOf } from './statutory-holidays';
import { type YearArrangement, yearArrangementSchema } from './year-arrangement';

/** 工作日 / 周末 / 法定节假日（含调休放假） / 调休上班日 */
export type DayKind = 'workday' | 'weekend' | 'holiday' | 'make-up-workday';

export interface DayInfo {
  date: LocalDate;
  kind: DayKind;
  working: boolean;
  /**
   * The year has no published arrangement: `kind` follows the statutory holidays of 《全国年节及纪念日放假办法》
   * (2024 revision; see `statutoryHolidaysOf`) and the weekends, without the notice's bridging days, make-up
   * workdays or substitute days off, so the year's notice may still move it. Years outside 2025–2099 have no
   * statutory data here and are a plain Mon–Fri guess.
   */
  provisional: boolean;
  /**
   * Which holiday(s) a day off belongs to; absent on any other day. A provisional day: the statutory holiday(s) of the
   * date itself (two may fall on one day). A published year's day off: the holiday(s) whose days fall in its run of
   * consecutive rest days (e.g. 2026-10-07 → 国庆节, 2025-10-08 → 国庆节 and 中秋节, in date order), from 2000 on (see
   * `holidayDaysOf`); a run with none of them (2015's 9月3日 纪念日) has no name. A make-up workday (调休上班) has none:
   * the dates alone do not say which holiday it pays for.
   */
  statutoryHolidays?: readonly StatutoryHoliday[];
}

/** A value computed from the calendar, flagged when it relied on a year with no published arrangement. */
export interface CalendarResult<T> {
  value: T;
  provisional: boolean;
  /** Years consulted that have no published arrangement, ascending. Recompute when they are published. */
  unpublishedYears: number[];
}

/** Collects the unpublished years a computation consulted. */
export class CalendarTrace {
  private readonly years = new Set<number>();

  note(info: DayInfo): DayInfo {
    if (info.provisional) this.years.add(yearOf(info.date));
    return info;
  }

  merge(other: { unpublishedYears: number[] }): void {
    other.unpublishedYears.forEach((y) => this.years.add(y));
  }

  result<T>(value: T): CalendarResult<T> {
    const unpublishedYears = [...this.years].sort((a, b) => a - b);
    return { value, provisional: unpublishedYears.length > 0, unpublishedYears };
  }
}

// Safety stop for loops: no run of rest days in China comes near this.
const MAX_REST_RUN = 60;

/**
 * China's working-day calendar over plain Asia/Shanghai dates. Immutable: `withArrangements` returns a new
 * calendar, so a service can swap in a newly published year and recompute the deadlines flagged provisional.
 */
export class WorkingCalendar {
  /** A published year's days off → their holiday names, worked out once per year on first use (see `dayInfo`). */
  private readonly holidayNames = new Map<number, ReadonlyMap<LocalDate, readonly StatutoryHoliday[]>>();

  private constructor(private readonly arrangements: ReadonlyMap<number, YearDays>) {}

  static fromArrangements(arrangements: readonly YearArrangement[]): WorkingCalendar {
    return new WorkingCalendar(new Map()).withArrangements(arrangements);
  }

  /** A new calendar where each given year replaces any arrangement already held for that year. */
  withArrangements(arrangements: readonly YearArrangement[]): WorkingCalendar {
    const next = new Map(this.arrangements);
    for (const raw of arrangements) {
      const a = yearArrangementSchema.parse(raw);
      next.set(a.year, { holidays: new Set(a.holidays), workdays: new Set(a.workdays), source: a.source });
    }
    return new WorkingCalendar(next);
  }

  publishedYears(): number[] {
    return [...this.arrangements.keys()].sort((a, b) => a - b);
  }

  isPublished(year: number): boolean {
    return this.arrangements.has(year);
  }

  /** Where a year's arrangement came from, if published. */
  sourceOf(year: number): string | undefined {
    return this.arrangements.get(year)?.source;
  }

  dayInfo(date: LocalDate): DayInfo {
    const info = this.dayKind(date);
    if (info.kind !== 'holiday' || info.provisional) return info;
    const names = this.namesOfYear(yearOf(date)).get(date);
    return names ? { ...info, statutoryHolidays: names } : info;
  }

  /** The day's kind, without the names of a published year's days off (they need the days around it). */
  private dayKind(date: LocalDate): DayInfo {
    const year = yearOf(date);
    const dow = dayOfWeek(date);
    const weekend = dow === 0 || dow === 6;
    const days = this.arrangements.get(year);
    if (!days) {
      const statutory = statutoryHolidaysOf(year)?.get(date);
      if (statutory) return { date, kind: 'holiday', working: false, provisional: true, statutoryHolidays: statutory };
      return { date, kind: weekend ? 'weekend' : 'workday', working: !weekend, provisional: true };
    }
    if (days.workdays.has(date)) return { date, kind: 'make-up-workday', working: true, provisional: false };
    if (days.holidays.has(date)) return { date, kind: 'holiday', working: false, provisional: false };
    return { date, kind: weekend ? 'weekend' : 'workday', working: !weekend, provisional: false };
  }

  /**
   * The days of `year` off the ordinary week, in date order: each holiday (放假, weekends inside a holiday run included)
   * and each make-up workday (调休上班). A year without an arrangement gives the law's statutory holidays, provisional.
   */
  specialDays(year: number): DayInfo[] {
    const days: DayInfo[] = [];
    for (let date = assertLocalDate(`${String(year).padStart(4, '0')}-01-01`); yearOf(date) === year; date = addDays(date, 1)) {
      const info = this.dayInfo(date);
      if (info.kind === 'holiday' || info.kind === 'make-up-workday') days.push(info);
    }
    return days;
  }

  /** A make-up working day (调休上班日) IS a working day. Use `dayInfo` to see whether the answer is provisional. */
  isWorkingDay(date: LocalDate): boolean {
    return this.dayInfo(date).working;
  }

  /** `date` itself when it is a working day, else the first working day after it (《民法典》第203条). */
  nextWorkingDayOnOrAfter(date: LocalDate): CalendarResult<LocalDate> {
    const trace = new CalendarTrace();
    return trace.result(this.firstWorkingDayFrom(assertLocalDate(date), trace));
  }

  /** The `n`th working day after `date` (`date` itself is not counted); `n = 0` returns `date`. */
  addWorkingDays(date: LocalDate, n: number): CalendarResult<LocalDate> {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0: ${n}`);
    const trace = new CalendarTrace();
    let current = assertLocalDate(date);
    for (let left = n; left > 0; left--) current = this.firstWorkingDayFrom(addDays(current, 1), trace);
    return trace.result(current);
  }

  /** How many working days lie in `from`…`to`, both included (0 when `to` is before `from`). */
  countWorkingDays(from: LocalDate, to: LocalDate): CalendarResult<number> {
    const trace = new CalendarTrace();
    let count = 0;
    for (let d = assertLocalDate(from); d <= assertLocalDate(to); d = addDays(d, 1)) {
      if (trace.note(this.dayInfo(d)).working) count++;
    }
    return trace.result(count);
  }

  /**
   * Names each day off of a published year by the holidays (`holidayDaysOf`) whose days fall in its run of consecutive
   * rest days: the notice's 放假 days and the weekends between and around them, up to the next working day, across
   * the new year if the run goes on (元旦 2023 began on 2022-12-31).
   */
  private namesOfYear(year: number): ReadonlyMap<LocalDate, readonly StatutoryHoliday[]> {
    const cached = this.holidayNames.get(year);
    if (cached) return cached;
    const names = new Map<LocalDate, readonly StatutoryHoliday[]>();
    const days = this.arrangements.get(year);
    for (const day of [...(days?.holidays ?? [])].sort()) {
      if (names.has(day)) continue;
      let first = day;
      let last = day;
      for (let i = 0; i < MAX_REST_RUN && !this.dayKind(addDays(first, -1)).working; i++) first = addDays(first, -1);
      for (let i = 0; i < MAX_REST_RUN && !this.dayKind(addDays(last, 1)).working; i++) last = addDays(last, 1);
      const run: StatutoryHoliday[] = [];
      const offInYear: LocalDate[] = [];
      for (let d = first; d <= last; d = addDays(d, 1)) {
        for (const h of holidayDaysOf(yearOf(d))?.get(d) ?? []) if (!run.includes(h)) run.push(h);
        if (yearOf(d) === year && days?.holidays.has(d)) offInYear.push(d);
      }
      for (const d of offInYear) names.set(d, run);
    }
    // A run with no holiday in it was marked (empty) only so the loop walks it once: such days have no name.
    const named = new Map([...names].filter(([, n]) => n.length > 0));
    this.holidayNames.set(year, named);
    return named;
  }

  private firstWorkingDayFrom(date: LocalDate, trace: CalendarTrace): LocalDate {
    let d = date;
    for (let i = 0; i <= MAX_REST_RUN; i++, d = addDays(d, 1)) {
      if (trace.note(this.dayInfo(d)).working) return d;
    }
    throw new RangeError(`no working day within ${MAX_REST_RUN} days of ${date}: check the holiday data`);
  }
}

interface YearDays {
  holidays: ReadonlySet<LocalDate>;
  workdays: ReadonlySet<LocalDate>;
  source?: string;
}
