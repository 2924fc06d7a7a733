import { reconcile } from './upstream-reconcile';

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
