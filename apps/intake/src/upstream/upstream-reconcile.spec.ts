import { reconcile, reconciliationDay } from './upstream-reconcile';

const BUREAU = '410726000000:petition-bureau';
const HRSS = '410726000000:dept-hrss';

describe('reconcile', () => {
  it('reports a case missing upstream, one unknown here, another status or unit, and the unit × status counts that differ', () => {
    const ours = [
      { caseNumber: 'A', unitId: HRSS, status: 'dispatched' },
      { caseNumber: 'B', unitId: BUREAU, status: 'registered' },
      { caseNumber: 'C', unitId: BUREAU, status: 'registered' },
    ];
    const theirs = [
      { caseNumber: 'C', unitId: BUREAU, status: 'registered' },
      { caseNumber: 'A', unitId: BUREAU, status: 'registered' },
      { caseNumber: 'Z', unitId: HRSS, status: 'closed' },
    ];
    expect(reconcile('2026-12-01', ours, theirs)).toEqual({
      day: '2026-12-01',
      ours: 3,
      theirs: 3,
      matched: 1,
      missingUpstream: ['B'],
      unknownUpstream: ['Z'],
      mismatched: [
        { caseNumber: 'A', field: 'unitId', ours: HRSS, theirs: BUREAU },
        { caseNumber: 'A', field: 'status', ours: 'dispatched', theirs: 'registered' },
      ],
      counts: [
        { unitId: HRSS, status: 'closed', ours: 0, theirs: 1 },
        { unitId: HRSS, status: 'dispatched', ours: 1, theirs: 0 },
      ],
    });
  });

  it('reports nothing to do when both sides agree', () => {
    const same = [{ caseNumber: 'A', unitId: HRSS, status: 'closed' }];
    expect(reconcile('2026-12-01', same, same)).toEqual({
      day: '2026-12-01',
      ours: 1,
      theirs: 1,
      matched: 1,
      missingUpstream: [],
      unknownUpstream: [],
      mismatched: [],
      counts: [],
    });
  });
});

describe('reconciliationDay', () => {
  it('is the day before in Asia/Shanghai once the time of day has come, none before', () => {
    // 2026-12-03 03:09 and 03:10 in Shanghai (19:09Z and 19:10Z the day before).
    expect(reconciliationDay(new Date('2026-12-02T19:09:59Z'), '03:10')).toBeNull();
    expect(reconciliationDay(new Date('2026-12-02T19:10:00Z'), '03:10')).toBe('2026-12-02');
    // 23:59 in Shanghai on 2026-12-03 (15:59Z): still the 2nd; at 00:00 on the 4th (16:00Z) the 3rd.
    expect(reconciliationDay(new Date('2026-12-03T15:59:00Z'), '03:10')).toBe('2026-12-02');
    expect(reconciliationDay(new Date('2026-12-03T16:00:00Z'), '00:00')).toBe('2026-12-03');
    // Across a month and a year.
    expect(reconciliationDay(new Date('2027-01-01T00:00:00Z'), '03:10')).toBe('2026-12-31');
  });
});
