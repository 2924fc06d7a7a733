import {
  clockSpecFor,
  computeDeadline,
  shanghaiDateOf,
  type ClockPause,
  type DeadlinePolicy,
  type WorkingCalendar,
} from '@sunshine/domain';

export interface DueInput {
  readonly kind: string;
  readonly startAt: string;
  /** Issuer-set clocks: the date the bureau gave (交办 feedback, a supervision order's answer). */
  readonly givenDueAt: string | null;
  readonly extensionDays: number;
  readonly pauses: readonly ClockPause[];
  readonly divisionCode: string | null;
}

export interface DueResult {
  readonly dueAt: string;
  readonly lastDay: string;
  readonly provisional: boolean;
  readonly unpublishedYears: number[];
  /** A counted pause is open: the due instant moves on each day until it ends. */
  readonly paused: boolean;
  /** The extension that counts (an approval beyond the clock's maximum is cut to it). */
  readonly extensionDays: number;
}

export interface DueContext {
  readonly calendar: WorkingCalendar;
  readonly policies: readonly DeadlinePolicy[];
  readonly now: Date;
}

/** The clock's due instant as the calendar and the jurisdiction's policy count it today (《民法典》201–203). */
export function computeDue(input: DueInput, ctx: DueContext): DueResult {
  if (input.givenDueAt !== null) {
    const due = new Date(input.givenDueAt);
    return {
      dueAt: due.toISOString(),
      lastDay: shanghaiDateOf(new Date(due.getTime() - 1)),
      provisional: false,
      unpublishedYears: [],
      paused: false,
      extensionDays: 0,
    };
  }
  const options = { policies: ctx.policies, divisionCode: input.divisionCode ?? undefined };
  const spec = clockSpecFor(input.kind, options);
  const extensionDays = Math.min(input.extensionDays, spec.extensionMaxDays);
  const deadline = computeDeadline(
    spec,
    { startAt: input.startAt, extensionDays, pauses: input.pauses, asOf: ctx.now },
    ctx.calendar,
  );
  return {
    dueAt: deadline.dueAt,
    lastDay: deadline.lastDay,
    provisional: deadline.provisional,
    unpublishedYears: deadline.unpublishedYears,
    paused: deadline.paused,
    extensionDays,
  };
}

export interface Notice {
  /** `warning:3d`, `warning:1d` … or `due`. */
  readonly key: string;
  readonly kind: 'warning' | 'due';
  readonly at: Date;
}

const DAY = 86_400_000;
const HOUR = 3_600_000;

export function leadLabel(ms: number): string {
  if (ms % DAY === 0) return `${ms / DAY}d`;
  if (ms % HOUR === 0) return `${ms / HOUR}h`;
  return `${Math.round(ms / 60_000)}m`;
}

/** The notices of a clock with this due instant, in time order: a warning per lead (after the start only), then the due. */
export function noticesFor(clock: { dueAt: Date; startAt: Date; warns: boolean }, leadsMs: readonly number[]): Notice[] {
  const notices: Notice[] = [];
  if (clock.warns) {
    for (const lead of leadsMs) {
      const at = new Date(clock.dueAt.getTime() - lead);
      if (at.getTime() > clock.startAt.getTime()) notices.push({ key: `warning:${leadLabel(lead)}`, kind: 'warning', at });
    }
  }
  notices.push({ key: 'due', kind: 'due', at: clock.dueAt });
  return notices.sort((a, b) => a.at.getTime() - b.at.getTime());
}

export interface NoticeStep {
  readonly notice: Notice;
  /** `raise`: emit it now; `skip`: a warning whose moment came only after the due (recorded, never emitted). */
  readonly action: 'raise' | 'skip';
}

export interface NoticeEvaluation {
  readonly steps: NoticeStep[];
  /** When the next notice falls due, or null when every notice is settled. */
  readonly nextCheckAt: Date | null;
}

/** What is due at `now` among the notices not yet settled (`settled`: keys raised or skipped for this due instant). */
export function evaluateNotices(notices: readonly Notice[], settled: ReadonlySet<string>, now: Date): NoticeEvaluation {
  const steps: NoticeStep[] = [];
  const due = notices.find((n) => n.kind === 'due');
  const pastDue = due !== undefined && now.getTime() >= due.at.getTime();
  for (const notice of notices) {
    if (settled.has(notice.key)) continue;
    if (notice.at.getTime() > now.getTime()) return { steps, nextCheckAt: notice.at };
    steps.push({ notice, action: notice.kind === 'warning' && pastDue ? 'skip' : 'raise' });
  }
  return { steps, nextCheckAt: null };
}

/** The first unsettled notice's instant (past or future), or null. */
export function nextNoticeAt(notices: readonly Notice[], settled: ReadonlySet<string>): Date | null {
  return notices.find((n) => !settled.has(n.key))?.at ?? null;
}
