// The notice schedule of a ledger clock: warnings before its due and the due itself. The due comes from the domain
// (clockDeadline); nothing here counts days.
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
