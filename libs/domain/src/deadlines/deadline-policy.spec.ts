import { computeDeadline } from './compute-deadline';
import { clocksStartingOn, deadlineFor } from './deadline-for';
import { clockSpecFor, type DeadlinePolicy, resolveClockSpecs } from './deadline-policy';
import { HOTLINE_12345_CLOCKS } from './law-default-clocks';

// 国务院办公厅关于2026年部分节假日安排的通知：春节 2月15日（周日）至23日（周一）放假调休，共9天。2月14日（周六）、
// 2月28日（周六）上班.

const xinxiang: DeadlinePolicy = {
  id: 'xinxiang-12345',
  jurisdiction: '410700000000',
  clocks: HOTLINE_12345_CLOCKS.map((c) => ({ ...c })),
};
const yanjin: DeadlinePolicy = {
  id: 'yanjin-fast-dispatch',
  jurisdiction: '410726000000',
  clocks: [{ kind: 'dispatch', amount: 7, article: '延津县信访工作规定（示例）' }],
};

describe('clock specs as data per jurisdiction', () => {
  it('has every clock of the regulation with its defaults', () => {
    const specs = resolveClockSpecs();
    expect([...specs.keys()].sort()).toEqual(
      [
        'acceptance',
        'assignment-feedback',
        'dispatch',
        'handling',
        'objection',
        'rating-window',
        're-review-handling',
        're-review-request-window',
        'review-handling',
        'review-request-window',
        'supervision-order-answer',
      ].sort(),
    );
    expect(specs.get('objection')).toMatchObject({ amount: 5, unit: 'working-day', startsOn: 'case.dispatched' });
    expect(specs.get('handling')).toMatchObject({ amount: 60, extensionMaxDays: 30, startsOn: 'case.accepted' });
    expect(specs.get('re-review-handling')).toMatchObject({ pausedBy: ['hearing'] });
    expect(specs.get('review-request-window')).toMatchObject({ startsOn: 'case.reply-served' });
  });

  it('expresses 12345 rules as the same data: 5 working days to handle, 2 to return', () => {
    const at = { startAt: '2026-02-12T02:00:00Z' }; // Thu 2/12
    const context = { policies: [xinxiang], divisionCode: '410726101000' };
    // after 2/12: 2/13 Fri 1, 2/14 Sat (上班) 2, [2/15–2/23 off], 2/24 3, 2/25 4, 2/26 5
    expect(deadlineFor('hotline-handling', at, context)).toMatchObject({ lastDay: '2026-02-26', unit: 'working-day' });
    expect(deadlineFor('hotline-return', at, context)).toMatchObject({ lastDay: '2026-02-14' });
    expect(() => deadlineFor('hotline-handling', at)).toThrow(expect.objectContaining({ code: 'UNKNOWN_CLOCK' }));
  });

  it('lets a county override a default on top of its city, and only inside its territory', () => {
    const policies = [yanjin, xinxiang];
    expect(clockSpecFor('dispatch', { policies, divisionCode: '410726101201' })).toMatchObject({ amount: 7, unit: 'calendar-day' });
    expect(clockSpecFor('dispatch', { policies, divisionCode: '410727000000' })).toMatchObject({ amount: 15 });
    expect(clockSpecFor('dispatch', { policies })).toMatchObject({ amount: 15 });
    // Mon 2025-03-03 + 7 = 3/10 Mon
    expect(
      computeDeadline(clockSpecFor('dispatch', { policies, divisionCode: '410726000000' }), {
        startAt: '2025-03-03T02:00:00Z',
      }),
    ).toMatchObject({ lastDay: '2025-03-10', article: '延津县信访工作规定（示例）' });
  });

  it('refuses an incomplete new clock', () => {
    const bad: DeadlinePolicy = { id: 'bad', jurisdiction: null, clocks: [{ kind: 'new-clock', amount: 3 }] };
    expect(() => resolveClockSpecs([bad])).toThrow(expect.objectContaining({ code: 'INVALID_POLICY' }));
  });
});

describe('clocksStartingOn', () => {
  const kinds = (event: string, facts: Parameters<typeof clocksStartingOn>[1]) =>
    clocksStartingOn(event, facts)
      .map((c) => c.kind)
      .sort();

  it('lists the clocks each event starts, by type and stage', () => {
    expect(kinds('case.dispatched', { type: 'claim', stage: 'original' })).toEqual(['acceptance', 'assignment-feedback', 'objection']);
    expect(kinds('case.accepted', { type: 'claim', stage: 'original' })).toEqual(['handling']);
    expect(kinds('case.accepted', { type: 'suggestion', stage: 'original' })).toEqual([]); // Art 29: own procedure
    expect(kinds('case.reply-served', { type: 'claim', stage: 'original' })).toEqual(['rating-window', 'review-request-window']);
    expect(kinds('case.reply-served', { type: 'claim', stage: 'review' })).toEqual(['rating-window', 're-review-request-window']);
    expect(kinds('petition.review-requested', { type: 'claim', stage: 're-review' })).toEqual(['re-review-handling']);
  });
});
