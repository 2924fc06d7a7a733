import { addDays, SHANGHAI_OFFSET_MS, shanghaiDateOf } from '@sunshine/domain';

/** One case as the provincial system holds it, and as the daily export sends it: the keys a count is made of. */
export interface UpstreamRecord {
  readonly caseNumber: string;
  /** The holding unit (the unit the case is with). */
  readonly unitId: string;
  readonly status: string;
}

export interface CountDifference {
  readonly unitId: string;
  readonly status: string;
  readonly ours: number;
  readonly theirs: number;
}

export interface FieldMismatch {
  readonly caseNumber: string;
  readonly field: 'unitId' | 'status';
  readonly ours: string;
  readonly theirs: string;
}

/** 对账报告: what the upstream acknowledged for a day against what the platform holds for it. */
export interface ReconciliationReport {
  readonly day: string;
  readonly ours: number;
  readonly theirs: number;
  /** Same case, same unit and status on both sides. */
  readonly matched: number;
  /** Exported by the platform, absent upstream (to send again). */
  readonly missingUpstream: readonly string[];
  /** Acknowledged upstream, unknown here for that day (a case number the platform did not export). */
  readonly unknownUpstream: readonly string[];
  /** The same case with another holding unit or status upstream. */
  readonly mismatched: readonly FieldMismatch[];
  /** Counts by unit × status that differ (the figures the provincial statistics show). */
  readonly counts: readonly CountDifference[];
}

const byNumber = (records: readonly UpstreamRecord[]) => new Map(records.map((r) => [r.caseNumber, r]));
const sorted = (xs: Iterable<string>) => [...xs].sort();

function counts(records: readonly UpstreamRecord[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of records) out.set(`${r.unitId}\u0000${r.status}`, (out.get(`${r.unitId}\u0000${r.status}`) ?? 0) + 1);
  return out;
}

/**
 * Compares the platform's records of a day with the upstream's acknowledgement of it: per case (missing on either side,
 * another unit or status) and per unit × status count. Pure; both inputs in any order, the report sorted.
 */
export function reconcile(day: string, ours: readonly UpstreamRecord[], theirs: readonly UpstreamRecord[]): ReconciliationReport {
  const mine = byNumber(ours);
  const acknowledged = byNumber(theirs);
  const mismatched: FieldMismatch[] = [];
  let matched = 0;
  for (const caseNumber of sorted(mine.keys())) {
    const a = mine.get(caseNumber);
    const b = acknowledged.get(caseNumber);
    if (!a || !b) continue;
    if (a.unitId !== b.unitId) mismatched.push({ caseNumber, field: 'unitId', ours: a.unitId, theirs: b.unitId });
    if (a.status !== b.status) mismatched.push({ caseNumber, field: 'status', ours: a.status, theirs: b.status });
    if (a.unitId === b.unitId && a.status === b.status) matched++;
  }
  const [oursCount, theirsCount] = [counts([...mine.values()]), counts([...acknowledged.values()])];
  const differences = sorted(new Set([...oursCount.keys(), ...theirsCount.keys()]))
    .map((key) => {
      const [unitId = '', status = ''] = key.split('\u0000');
      return { unitId, status, ours: oursCount.get(key) ?? 0, theirs: theirsCount.get(key) ?? 0 };
    })
    .filter((d) => d.ours !== d.theirs);
  return {
    day,
    ours: mine.size,
    theirs: acknowledged.size,
    matched,
    missingUpstream: sorted([...mine.keys()].filter((n) => !acknowledged.has(n))),
    unknownUpstream: sorted([...acknowledged.keys()].filter((n) => !mine.has(n))),
    mismatched,
    counts: differences,
  };
}

/**
 * The day the daily run reconciles at `now`: the day before (Asia/Shanghai) once the Shanghai time of day has reached
 * `at` (HH:MM), else none yet (pure).
 */
export function reconciliationDay(now: Date, at: string): string | null {
  const local = new Date(now.getTime() + SHANGHAI_OFFSET_MS).toISOString();
  return local.slice(11, 16) >= at ? addDays(shanghaiDateOf(now), -1) : null;
}
