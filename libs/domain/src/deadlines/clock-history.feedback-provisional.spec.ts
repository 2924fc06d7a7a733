import { defaultWorkingCalendar } from '../calendar';
import { BUREAU, commands, DEPT } from '../lifecycle/__fixtures__/case.fixtures';
import { clockContext, playAt, registeredAt } from './__fixtures__/timed-case.fixtures';
import { runningClocks } from './clock-history';
import { inboxDue, issuerDeadline } from './clock-selectors';

// chinese-days ships the arrangements up to 2026: a date in 2027 is counted without the State Council's notice and
// must be flagged (DESIGN §2). 12/10/2026 + 30 days = Sat 1/9/2027 → the next working day, Mon 1/11/2027.
const calendar = defaultWorkingCalendar();
const ctx = (asOf: string) => clockContext(asOf, calendar);
const ASSIGNED_AT = '2026-12-10T02:00:00.000Z';

describe('交办 feedback due in a year whose holidays are not published (Art 22)', () => {
  const feedback = issuerDeadline('assignment-feedback', ASSIGNED_AT, 30, { calendar, policies: [], divisionCode: '410726100000' });

  it('is flagged provisional when the bureau sets it', () => {
    expect(feedback).toEqual({ dueAt: '2027-01-11T16:00:00.000Z', lastDay: '2027-01-11', provisional: true, unpublishedYears: [2027] });
  });

  it('stays provisional in the clocks and the inbox, and is final once 2027 is published', () => {
    const assign = commands.dispatch(BUREAU, DEPT, 'assign');
    const withDue = { ...assign, payload: { ...assign.payload, feedbackDueAt: feedback.dueAt } } as typeof assign;
    const { state } = playAt([
      registeredAt('2026-12-09T02:00:00.000Z'),
      [ASSIGNED_AT, withDue],
      ['2026-12-11T02:00:00.000Z', commands.sign(DEPT)],
      ['2026-12-11T03:00:00.000Z', commands.accept(DEPT, 'litigation')],
    ]);
    const at = ctx('2026-12-20T00:00:00.000Z');
    expect(runningClocks(state, at).map((c) => [c.kind, c.lastDay, c.provisional])).toEqual([['assignment-feedback', '2027-01-11', true]]);
    expect(inboxDue(state, at)).toMatchObject({
      kind: 'assignment-feedback',
      dueAt: '2027-01-11T16:00:00.000Z',
      provisional: true,
      unpublishedYears: [2027],
    });

    const published = calendar.withArrangements([{ year: 2027, holidays: ['2027-01-01'], workdays: [] }]);
    expect(inboxDue(state, { ...at, calendar: published })).toMatchObject({
      dueAt: '2027-01-11T16:00:00.000Z',
      provisional: false,
      unpublishedYears: [],
    });
  });
});
