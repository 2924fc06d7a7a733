import type { AnyCaseEvent } from '@sunshine/contracts';

import { clockHistory } from '../deadlines';
import { clockContext, playAt, registeredAt } from '../deadlines/__fixtures__/timed-case.fixtures';
import { BUREAU, commands, DEPT } from '../lifecycle/__fixtures__/case.fixtures';
import { caseKpiFacts, eventKpiFacts } from './case-kpi-facts';

const dims = { division: '410726100000', channel: 'visit', category: 'labour', persons: 1 };

describe('caseKpiFacts: what one case counts for', () => {
  it('counts a case accepted and answered on time', () => {
    // Dispatched Mon 3/3, accepted Wed 3/5, replied Tue 4/1 (60 days from 3/5 end on Sun 5/4, after 劳动节).
    const { state } = playAt([
      registeredAt('2025-03-03T01:00:00.000Z'),
      ['2025-03-03T02:00:00.000Z', commands.dispatch(BUREAU, DEPT)],
      ['2025-03-04T02:00:00.000Z', commands.sign(DEPT)],
      ['2025-03-05T02:00:00.000Z', commands.accept(DEPT, 'petition')],
      ['2025-04-01T02:00:00.000Z', commands.reply(DEPT)],
    ]);
    const facts = caseKpiFacts(state, clockHistory(state, clockContext('2025-04-01T02:00:00.000Z')));
    expect(facts).toEqual([
      { key: 'volume', metric: 'volume', outcome: 'case', unitId: BUREAU, day: '2025-03-03', ...dims },
      { key: 'acceptance/e2/acceptance/', metric: 'acceptance', outcome: 'on-time', unitId: DEPT, day: '2025-03-05', ...dims },
      { key: 'reply/e4/handling/', metric: 'reply', outcome: 'on-time', unitId: DEPT, day: '2025-04-01', ...dims },
      { key: 'replied/original', metric: 'replied', outcome: 'original', unitId: DEPT, day: '2025-04-01', ...dims },
    ]);
  });

  it('counts an acceptance overdue while undecided, then late once decided, under the same key', () => {
    // Dispatched Mon 3/3: 15 days end Tue 3/18 (due 2025-03-18T16:00Z).
    const steps = [registeredAt('2025-03-03T01:00:00.000Z'), ['2025-03-03T02:00:00.000Z', commands.dispatch(BUREAU, DEPT)] as const];
    const open = playAt(steps).state;
    const acceptance = (asOf: string, s = open) =>
      caseKpiFacts(s, clockHistory(s, clockContext(asOf))).filter((f) => f.metric === 'acceptance');
    expect(acceptance('2025-03-18T15:59:59.999Z')).toEqual([]);
    expect(acceptance('2025-03-18T16:00:00.000Z')).toEqual([
      { key: 'acceptance/e2/acceptance/', metric: 'acceptance', outcome: 'overdue', unitId: DEPT, day: '2025-03-18', ...dims },
    ]);
    const decided = playAt([
      ...steps,
      ['2025-03-04T02:00:00.000Z', commands.sign(DEPT)],
      ['2025-03-19T02:00:00.000Z', commands.accept(DEPT, 'petition')],
    ]).state;
    expect(acceptance('2025-03-19T02:00:00.000Z', decided)).toEqual([
      { key: 'acceptance/e2/acceptance/', metric: 'acceptance', outcome: 'late', unitId: DEPT, day: '2025-03-19', ...dims },
    ]);
  });

  it('counts nothing of an accusation (the accused must learn nothing of it, not even a count)', () => {
    const { state } = playAt([
      registeredAt('2025-03-03T01:00:00.000Z', { type: 'accusation' }),
      ['2025-03-03T02:00:00.000Z', commands.dispatch(BUREAU, DEPT)],
    ]);
    expect(caseKpiFacts(state, clockHistory(state, clockContext('2025-04-01T00:00:00.000Z')))).toEqual([]);
  });

  it('counts a case closed in its original stage as settled at once (一次性化解) and resolved, at the accepting unit', () => {
    const { state } = playAt([
      registeredAt('2025-03-03T01:00:00.000Z'),
      ['2025-03-03T02:00:00.000Z', commands.dispatch(BUREAU, DEPT)],
      ['2025-03-04T02:00:00.000Z', commands.sign(DEPT)],
      ['2025-03-05T02:00:00.000Z', commands.accept(DEPT, 'petition')],
      ['2025-03-20T02:00:00.000Z', commands.reply(DEPT)],
      ['2025-03-20T03:00:00.000Z', commands.serve(DEPT, '2025-03-20T03:00:00.000Z')],
      ['2025-04-22T01:00:00.000Z', commands.close(DEPT)],
    ]);
    const facts = caseKpiFacts(state, clockHistory(state, clockContext('2025-04-22T01:00:00.000Z')));
    expect(facts.filter((f) => f.metric === 'settlement' || f.metric === 'resolution')).toEqual([
      { key: 'settlement', metric: 'settlement', outcome: 'once', unitId: DEPT, day: '2025-04-22', ...dims },
      { key: 'resolution', metric: 'resolution', outcome: 'resolved', unitId: DEPT, day: '2025-04-22', ...dims },
    ]);
  });

  it('counts a registration that carried a category suggestion as accepted or changed, at the receiving unit (智能分类采纳率)', () => {
    const suggestion = { model: 'teddy-7-char12-svm-1', category: 'labour', score: 0.97 };
    const taken = playAt([registeredAt('2025-03-03T01:00:00.000Z', { suggestion: { ...suggestion, accepted: true } })]);
    expect(eventKpiFacts(taken.events[0] as AnyCaseEvent, taken.state)).toEqual([
      { key: 'suggestion', metric: 'suggestion', outcome: 'accepted', unitId: BUREAU, day: '2025-03-03', ...dims },
    ]);
    const changed = playAt([registeredAt('2025-03-03T17:00:00.000Z', { suggestion: { ...suggestion, accepted: false } })]);
    // 17:00 UTC is 01:00 the next day in Asia/Shanghai.
    expect(eventKpiFacts(changed.events[0] as AnyCaseEvent, changed.state)).toEqual([
      { key: 'suggestion', metric: 'suggestion', outcome: 'changed', unitId: BUREAU, day: '2025-03-04', ...dims },
    ]);
    const none = playAt([registeredAt('2025-03-03T01:00:00.000Z')]);
    expect(eventKpiFacts(none.events[0] as AnyCaseEvent, none.state)).toEqual([]);
  });
});
