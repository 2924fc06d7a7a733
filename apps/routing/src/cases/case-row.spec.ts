import type { OrgUnitSnapshot } from '@sunshine/contracts';
import { type CaseCommand, type CaseState, decide, defaultWorkingCalendar, evolve, initialCaseState, OrgDirectory } from '@sunshine/domain';

import { commandAfterService } from './after-service';
import { caseDueAt, deskOf } from './case-row';

const CITY = '410700000000';
const COUNTY = '410726000000';
const unit = (id: string, kind: string, divisionCode: string, level: OrgUnitSnapshot['level']): OrgUnitSnapshot => ({
  id,
  name: id,
  kind,
  divisionCode,
  level,
  territoryPath: [CITY],
  parentId: null,
  competences: [],
  nonAdministrative: false,
  revision: 1,
});
const CITY_BUREAU = `${CITY}:petition-bureau`;
const BUREAU = `${COUNTY}:petition-bureau`;
const HRSS = `${COUNTY}:dept-hrss`;
const HOUSING = `${COUNTY}:dept-housing`;
const directory = OrgDirectory.of([
  unit(CITY_BUREAU, 'petition-bureau', CITY, 'city'),
  unit(BUREAU, 'petition-bureau', COUNTY, 'county'),
  unit(HRSS, 'dept-hrss', COUNTY, 'county'),
  unit(HOUSING, 'dept-housing', COUNTY, 'county'),
]);
const T0 = '2026-03-02T02:00:00.000Z';
const reason = { code: 'test', text: '测试理由' };

/** Runs commands through decide and evolve, as routing does, with one day between events. */
function run(commands: CaseCommand[], from: CaseState = initialCaseState('0190a6b2-7c3e-7a1b-8c2d-000000000001')): CaseState {
  let state = from;
  commands.forEach((command, i) => {
    const decision = decide(state, command);
    if (!decision.ok) throw new Error(`${command.name}: ${decision.error.code}`);
    const occurredAt = new Date(Date.parse(T0) + i * 86_400_000).toISOString();
    for (const e of decision.events) state = evolve(state, { ...e, id: `e${i}-${e.type}`, occurredAt }).state;
  });
  return state;
}

const register = (type: 'claim' | 'accusation' = 'claim', accusedUnitId?: string): CaseCommand => ({
  name: 'register',
  payload: {
    caseNumber: '410700-2026-000001',
    channel: 'visit',
    form: { kind: 'individual' },
    type,
    category: 'labour',
    placeCode: '410726101000',
    receivingUnitId: CITY_BUREAU,
    receivedAt: T0,
    registeredAt: T0,
    petitionerRef: '0190a6b2-7c3e-7a1b-8c2d-0000000000bb',
    accusedUnitId,
    flags: { skipLevel: false, confidential: type === 'accusation', lawsuit: false },
    attachmentCount: 0,
  },
});
const dispatch = (from: string, to: string, hop: number, mode: 'forward' | 'assign' = 'forward'): CaseCommand => ({
  name: 'dispatch',
  payload: { fromUnitId: from, toUnitId: to, mode, rule: { id: 'r', version: 1 }, reasons: ['x'], hop },
});

describe('deskOf', () => {
  const atHrss = run([register(), dispatch(CITY_BUREAU, BUREAU, 1), dispatch(BUREAU, HRSS, 2, 'assign')]);

  it('puts a case a handling unit holds on no desk, and one a bureau must dispatch on that bureau’s', () => {
    expect(deskOf(atHrss, directory)).toBeNull();
    expect(deskOf(run([register()]), directory)).toEqual({ unitId: CITY_BUREAU, reason: 'awaiting-dispatch' });
  });

  it('puts a pending objection on the forwarding bureau’s desk, and a second one flagged as objected twice', () => {
    const objected = run([{ name: 'raise-objection', payload: { unitId: HRSS, reason } }], atHrss);
    expect(deskOf(objected, directory)).toEqual({ unitId: BUREAU, reason: 'objection-pending' });
    const back = run([{ name: 'approve-objection', payload: { bureauUnitId: BUREAU } }], objected);
    expect(deskOf(back, directory)).toEqual({ unitId: BUREAU, reason: 'objection-approved' });
    const twice = run([dispatch(BUREAU, HOUSING, 3), { name: 'raise-objection', payload: { unitId: HOUSING, reason } }], back);
    expect(deskOf(twice, directory)).toEqual({ unitId: BUREAU, reason: 'objected-twice' });
    expect(twice.objections.count).toBe(2);
  });
});

describe('caseDueAt', () => {
  const clocks = { calendar: defaultWorkingCalendar(), policies: [], asOf: '2026-03-10T00:00:00.000Z' };
  const currentDueAt = (state: CaseState) => caseDueAt(state, clocks);

  it('gives a bureau 15 days to dispatch from receipt, and the receiving unit 15 days to decide on acceptance', () => {
    expect(currentDueAt(run([register()]))).toBe('2026-03-17T16:00:00.000Z');
    const atHrss = run([register(), dispatch(CITY_BUREAU, HRSS, 1)]);
    expect(currentDueAt(atHrss)).toBe('2026-03-18T16:00:00.000Z');
  });

  it('runs the 60 days of handling from acceptance, moved by an approved extension (off 劳动节 both times)', () => {
    const accepted = run([
      register(),
      dispatch(CITY_BUREAU, HRSS, 1),
      { name: 'sign', payload: { unitId: HRSS } },
      { name: 'accept', payload: { unitId: HRSS } },
    ]);
    const due = currentDueAt(accepted);
    const extended = run(
      [
        { name: 'request-extension', payload: { unitId: HRSS, days: 10, reason } },
        { name: 'approve-extension', payload: { unitId: HRSS, days: 10, approvedBy: 'head' } },
      ],
      accepted,
    );
    // accepted 2026-03-05: day 60 is 5 May, a holiday → 6 May; with 10 more days 14 May
    expect(due).toBe('2026-05-06T16:00:00.000Z');
    expect(currentDueAt(extended)).toBe('2026-05-14T16:00:00.000Z');
  });

  it('runs a review from the request at the unit that reviews it, not from the stage’s opening', () => {
    const reviewed = run([
      register(),
      dispatch(CITY_BUREAU, HRSS, 1),
      { name: 'sign', payload: { unitId: HRSS } },
      { name: 'accept', payload: { unitId: HRSS } },
      { name: 'reply', payload: { unitId: HRSS, outcome: 'supported', replyDocumentRef: 'routing:reply:1', approvedBy: 'head' } },
      { name: 'serve-reply', payload: { unitId: HRSS, servedAt: '2026-03-07T02:00:00.000Z', method: 'post' } },
      { name: 'request-review', payload: { stage: 'review', requestedAt: '2026-03-08T02:00:00.000Z' } },
      { name: 'open-stage', payload: { stage: 'review', unitId: HOUSING } },
    ]);
    // Requested Sun 3/8 → 30 days → Tue 4/7 (清明 4/4–4/6 is passed); no 15-day acceptance clock at the reviewer.
    expect(reviewed.holdingUnitId).toBe(HOUSING);
    expect(currentDueAt(reviewed)).toBe('2026-04-07T16:00:00.000Z');
  });
});

describe('commandAfterService', () => {
  it('closes an answered accusation once served, and keeps a claim open for its review window', () => {
    const claim = run([
      register(),
      dispatch(CITY_BUREAU, HRSS, 1),
      { name: 'sign', payload: { unitId: HRSS } },
      { name: 'accept', payload: { unitId: HRSS } },
      { name: 'reply', payload: { unitId: HRSS, outcome: 'supported', replyDocumentRef: 'routing:reply:1', approvedBy: 'head' } },
    ]);
    expect(commandAfterService(claim)).toBeNull();
    expect(commandAfterService({ ...claim, type: 'accusation' })).toEqual({
      name: 'close',
      payload: { unitId: HRSS, reason: { code: 'no-review-chain' } },
    });
    expect(commandAfterService({ ...claim, stage: 're-review' })).toEqual({ name: 'finalize', payload: { unitId: HRSS } });
  });
});
