import { z } from 'zod';

import type { KpiFigures } from './kpi-figures';

/** The rates a scheme may weigh (keys of KpiFigures). */
export const SCORED_RATES = [
  'timelyAcceptance',
  'onTimeReply',
  'ratingParticipation',
  'satisfactionHandling',
  'satisfactionBureau',
  'onceResolution',
  'resolution',
] as const;
/** The counts a deduction or bonus may read (keys of KpiFigures.counts). */
export const SCORED_COUNTS = [
  'cases',
  'persons',
  'collectiveCases',
  'collectivePersons',
  'skipLevelCases',
  'orders',
  'reminders',
  'forwarded',
  'assigned',
  'objections',
  'overdue',
] as const;

const points = z.number().min(0).max(1000);

/**
 * A scoring scheme (考评方案) as data, versioned per jurisdiction: weights earned in proportion to each rate, points
 * deducted per counted event, bonus items earned when a count stays within a bound, and the red/black list rules.
 */
export const scoringSchemeSchema = z.object({
  /** A weight per rate: the subject earns weight × rate (the full weight when nothing was due). */
  weights: z.partialRecord(z.enum(SCORED_RATES), points),
  /** Points deducted per unit of a count (e.g. 1 per overdue duty, 2 per 督办, 0.5 per 越级访). */
  deductions: z.partialRecord(z.enum(SCORED_COUNTS), points),
  /** 加分项: `points` when `count` ≤ `atMost` (e.g. 2 points for no skip-level visit). */
  bonuses: z
    .array(
      z.object({
        code: z.string().min(1).max(40),
        label: z.string().min(1).max(80),
        count: z.enum(SCORED_COUNTS),
        atMost: z.number().int().min(0),
        points,
      }),
    )
    .max(20),
  lists: z.object({
    /** 红榜: the top N, each at or above `redAtLeast` when set. */
    top: z.number().int().min(0).max(50),
    redAtLeast: z.number().optional(),
    /** 黑榜: the bottom N, each below `blackBelow` when set. */
    bottom: z.number().int().min(0).max(50),
    blackBelow: z.number().optional(),
  }),
});
export type ScoringScheme = z.infer<typeof scoringSchemeSchema>;

/** One subject's score with its parts (so a county sees why it ranks where it does). */
export interface SubjectScore {
  readonly subject: string;
  readonly score: number;
  readonly earned: Readonly<Record<string, number>>;
  readonly deducted: Readonly<Record<string, number>>;
  readonly bonus: Readonly<Record<string, number>>;
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

/** The score of one subject's figures under `scheme` (rounded to 2 decimals). */
export function scoreOf(subject: string, f: KpiFigures, scheme: ScoringScheme): SubjectScore {
  const earned: Record<string, number> = {};
  for (const rate of SCORED_RATES) {
    const weight = scheme.weights[rate];
    if (weight !== undefined) earned[rate] = round2(weight * (f[rate].rate ?? 1));
  }
  const deducted: Record<string, number> = {};
  for (const count of SCORED_COUNTS) {
    const per = scheme.deductions[count];
    if (per !== undefined && f.counts[count] > 0) deducted[count] = round2(per * f.counts[count]);
  }
  const bonus: Record<string, number> = {};
  for (const b of scheme.bonuses) if (f.counts[b.count] <= b.atMost) bonus[b.code] = b.points;
  const sum = (r: Record<string, number>): number => Object.values(r).reduce((s, v) => s + v, 0);
  return { subject, score: round2(sum(earned) - sum(deducted) + sum(bonus)), earned, deducted, bonus };
}

/** A ranking: subjects by score (highest first, ties by subject code), with the red and black lists. */
export interface Ranking {
  readonly rows: ReadonlyArray<SubjectScore & { readonly rank: number }>;
  readonly red: readonly string[];
  readonly black: readonly string[];
}

/** Ranks scores (equal scores share a rank, 1, 1, 3) and draws the lists by the scheme's rules. */
export function rankScores(scores: readonly SubjectScore[], lists: ScoringScheme['lists']): Ranking {
  const sorted = [...scores].sort((a, b) => b.score - a.score || a.subject.localeCompare(b.subject));
  const rows = sorted.map((s) => ({ ...s, rank: sorted.findIndex((o) => o.score === s.score) + 1 }));
  const red = rows
    .slice(0, lists.top)
    .filter((r) => lists.redAtLeast === undefined || r.score >= lists.redAtLeast)
    .map((r) => r.subject);
  const black = rows
    .slice(Math.max(rows.length - lists.bottom, 0))
    .filter((r) => !red.includes(r.subject) && (lists.blackBelow === undefined || r.score < lists.blackBelow))
    .map((r) => r.subject);
  return { rows, red, black };
}
