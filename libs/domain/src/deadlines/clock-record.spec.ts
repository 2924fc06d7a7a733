import { defaultWorkingCalendar } from '../calendar';
import { DEPT } from '../lifecycle/__fixtures__/case.fixtures';
import { applyClockEffects, clockDeadline, type ClockRecord, openClocksAt } from './clock-record';
import { DeadlineError } from './deadline-error';
import { clockSpecFor, resolveClockSpecs } from './deadline-policy';

const calendar = defaultWorkingCalendar();
const ctx = { calendar, policies: [], asOf: '2026-03-01T00:00:00.000Z' };
const due = { givenDueAt: null, extensionDays: 0, pauses: [], divisionCode: '410726101000' };

describe('clockDeadline', () => {
  it('counts the law’s period on the calendar, the extension capped at the clock’s maximum', () => {
    // Accepted Thu 2/26/2026 → 60 + 30 days → Wed 5/27.
    const handling = { ...due, kind: 'handling', startAt: '2026-02-26T02:00:00.000Z', extensionDays: 45 };
    expect(clockDeadline(handling, ctx)).toEqual({
      dueAt: '2026-05-27T16:00:00.000Z',
      lastDay: '2026-05-27',
      provisional: false,
      unpublishedYears: [],
      paused: false,
      extensionDays: 30,
    });
  });

  it('takes an issuer-set due as given, provisional only when its year is not published', () => {
    const order = { ...due, kind: 'supervision-order-answer', startAt: '2026-04-30T02:00:00.000Z', givenDueAt: '2026-05-06T16:00:00.000Z' };
    expect(clockDeadline(order, ctx)).toMatchObject({ dueAt: '2026-05-06T16:00:00.000Z', lastDay: '2026-05-06', provisional: false });
    const in2027 = { ...order, givenDueAt: '2027-01-11T16:00:00.000Z' };
    expect(clockDeadline(in2027, ctx)).toMatchObject({ lastDay: '2027-01-11', provisional: true, unpublishedYears: [2027] });
  });

  it('refuses a kind no policy defines', () => {
    expect(() => clockDeadline({ ...due, kind: 'no-such-clock', startAt: '2026-03-02T02:00:00.000Z' }, ctx)).toThrow(DeadlineError);
  });
});

describe('applyClockEffects', () => {
  const event = { id: 'e7', type: 'case.reply-served', occurredAt: '2026-03-02T02:00:00.000Z', payload: {} };
  const start = {
    op: 'start' as const,
    spec: clockSpecFor('rating-window'),
    stage: 'original' as const,
    unitId: DEPT,
    subject: null,
    startAt: '2026-03-02T02:00:00.000Z',
    dueAt: null,
    divisionCode: null,
  };

  it('starts a clock once under a deterministic id, and stops it late when its fact comes after the due', () => {
    const [window] = applyClockEffects(applyClockEffects([], [start], event, ctx), [start], event, ctx);
    expect(window).toMatchObject({
      id: 'e7/rating-window/',
      status: 'running',
      onDue: { kind: 'window-expired', window: 'rating' },
      warns: false,
    });
    const records = applyClockEffects([window as ClockRecord], [start], event, ctx);
    expect(records).toHaveLength(1);
    // 3/2 + 30 = Wed 4/1: a rating on 4/2 comes after it.
    const rated = { id: 'e9', type: 'petition.rated', occurredAt: '2026-04-02T01:00:00.000Z', payload: {} };
    const [stopped] = applyClockEffects(records, [{ op: 'stop', clockId: 'e7/rating-window/', reason: 'satisfied' }], rated, ctx);
    expect(stopped).toMatchObject({ status: 'satisfied', stoppedAt: '2026-04-02T01:00:00.000Z', late: true });
  });

  it('no longer counts a window as open once its due has passed', () => {
    const records = applyClockEffects([], [start], event, ctx);
    expect(openClocksAt(records, '2026-04-01T15:59:59.999Z', ctx)).toHaveLength(1);
    expect(openClocksAt(records, '2026-04-01T16:00:00.000Z', ctx)).toHaveLength(0);
  });
});

describe('clock specs', () => {
  it('refuses a policy clock that would start on a supervision notice', () => {
    const policy = {
      id: 'p',
      jurisdiction: null,
      clocks: [
        {
          kind: 'rectify',
          article: 'x',
          amount: 5,
          unit: 'working-day' as const,
          startsOn: 'case.overdue',
          extensionMaxDays: 0,
          pausedBy: [],
        },
      ],
    };
    expect(() => resolveClockSpecs([policy])).toThrow(/supervision notice/);
    const onSigning = { ...policy, clocks: [{ ...policy.clocks[0], startsOn: 'case.signed' }] };
    expect(resolveClockSpecs([onSigning]).get('rectify')?.startsOn).toBe('case.signed');
  });
});
