import { type KpiCounts, kpiFigures } from './kpi-figures';
import { outsidePeerNorm } from './peer-norm';
import { rankScores, scoreOf, type ScoringScheme, scoringSchemeSchema } from './scoring-scheme';
import { longestDissatisfiedRun } from './staff-streak';

const one = (n: number, persons = n) => ({ n, persons });
const scheme: ScoringScheme = scoringSchemeSchema.parse({
  weights: { timelyAcceptance: 20, onTimeReply: 40, satisfactionHandling: 40 },
  deductions: { overdue: 1, orders: 2, skipLevelCases: 0.5 },
  bonuses: [{ code: 'no-collective', label: '无集体访', count: 'collectiveCases', atMost: 0, points: 3 }],
  lists: { top: 1, bottom: 1, blackBelow: 80 },
});

describe('KPI figures, scores and rankings', () => {
  const counts: KpiCounts = {
    volume: { case: one(10, 40) },
    collective: { case: one(1, 31) },
    'skip-level': { case: one(2) },
    acceptance: { 'on-time': one(8), late: one(1), overdue: one(1) },
    reply: { 'on-time': one(3), late: one(1) },
    replied: { original: one(4) },
    'rating-handling-unit': { satisfied: one(1), 'basically-satisfied': one(1), dissatisfied: one(1) },
    order: { delay: one(1) },
  };

  it('divides the counts as the bureaus do', () => {
    const f = kpiFigures(counts);
    expect(f.timelyAcceptance).toEqual({ numerator: 8, denominator: 10, rate: 0.8 });
    expect(f.onTimeReply).toEqual({ numerator: 3, denominator: 4, rate: 0.75 });
    expect(f.ratingParticipation).toEqual({ numerator: 3, denominator: 4, rate: 0.75 });
    expect(f.satisfactionHandling).toEqual({ numerator: 2, denominator: 3, rate: 0.6667 });
    expect(f.satisfactionBureau).toEqual({ numerator: 0, denominator: 0, rate: null });
    expect(f.skipLevelShare).toEqual({ numerator: 2, denominator: 10, rate: 0.2 });
    expect(f.counts).toMatchObject({ cases: 10, persons: 40, collectiveCases: 1, collectivePersons: 31, orders: 1, overdue: 3 });
  });

  it('scores by the scheme: weight × rate, minus deductions, plus bonuses', () => {
    // 20×0.8 + 40×0.75 + 40×0.6667 = 16 + 30 + 26.67 = 72.67; − 3×1 − 1×2 − 2×0.5 = 66.67; no bonus (a collective visit).
    expect(scoreOf('410726000000', kpiFigures(counts), scheme)).toEqual({
      subject: '410726000000',
      score: 66.67,
      earned: { timelyAcceptance: 16, onTimeReply: 30, satisfactionHandling: 26.67 },
      deducted: { skipLevelCases: 1, orders: 2, overdue: 3 },
      bonus: {},
    });
    // Nothing due: the full weights, and the bonus.
    expect(scoreOf('410727000000', kpiFigures({}), scheme).score).toBe(103);
  });

  it('ranks (shared ranks on ties) and draws the red and black lists', () => {
    const s = (subject: string, score: number) => ({ subject, score, earned: {}, deducted: {}, bonus: {} });
    const ranking = rankScores([s('B', 90), s('A', 70), s('C', 90), s('D', 85)], scheme.lists);
    expect(ranking.rows.map((r) => [r.subject, r.rank])).toEqual([
      ['B', 1],
      ['C', 1],
      ['D', 3],
      ['A', 4],
    ]);
    expect(ranking.red).toEqual(['B']);
    expect(ranking.black).toEqual(['A']);
    expect(rankScores([s('A', 85)], scheme.lists)).toMatchObject({ red: ['A'], black: [] });
  });

  it('finds the longest run of 不满意', () => {
    const r = (id: string, score: 'satisfied' | 'basically-satisfied' | 'dissatisfied') => ({ id, score });
    expect(longestDissatisfiedRun([r('a', 'dissatisfied'), r('b', 'satisfied'), r('c', 'dissatisfied')])).toEqual([r('a', 'dissatisfied')]);
    expect(
      longestDissatisfiedRun([r('a', 'satisfied'), r('b', 'dissatisfied'), r('c', 'dissatisfied'), r('d', 'basically-satisfied')]).map(
        (x) => x.id,
      ),
    ).toEqual(['b', 'c']);
    expect(longestDissatisfiedRun([])).toEqual([]);
  });
});

describe('outsidePeerNorm', () => {
  it('names a unit whose satisfaction is far from its peers', () => {
    // Peers of E: 0.8, 0.82, 0.78, 0.8 → mean 0.8, σ ≈ 0.0141; E at 1.0 is 14σ away. Each of A–D stays within its peers' norm
    // only where E widens it: A's peers (0.82, 0.78, 0.8, 1.0) have mean 0.85, σ ≈ 0.0866, and 0.8 is inside.
    const rates = [
      { id: 'A', rate: 0.8 },
      { id: 'B', rate: 0.82 },
      { id: 'C', rate: 0.78 },
      { id: 'D', rate: 0.8 },
      { id: 'E', rate: 1 },
      { id: 'F', rate: null },
    ];
    expect(outsidePeerNorm(rates)).toEqual(['E']);
    expect(outsidePeerNorm(rates.slice(0, 3))).toEqual([]);
  });
});
