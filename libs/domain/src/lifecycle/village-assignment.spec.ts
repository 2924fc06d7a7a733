import { clockContext, playAt, type TimedStep } from '../deadlines/__fixtures__/timed-case.fixtures';
import { runningClocks } from '../deadlines/clock-history';
import { XINXIANG } from '../routing/__fixtures__/routing.fixture';
import { BUREAU, commands } from './__fixtures__/case.fixtures';
import type { CaseCommand } from './case-command';
import { decide } from './decide';
import { dispatchRefusal } from './dispatch-authority';
import { allowedActions } from './unit-actions';

// 东屯镇 (410726101) and its 水花堡村; 曹乡固村 lies in 文岩街道, another township.
const TOWNSHIP = '410726101000:government';
const VILLAGE = '410726101202:village-committee';
const OTHER_VILLAGE = '410726001201:village-committee';
const ALL = ['clerk', 'handler', 'head', 'dispatcher'];
const unit = (id: string) => XINXIANG.require(id);

function assign(from: string, to: string, feedbackDueAt: string, hop: number): CaseCommand {
  const c = commands.dispatch(from, to, 'assign', hop);
  return { ...c, payload: { ...c.payload, feedbackDueAt } } as CaseCommand;
}
const report = (unitId: string): CaseCommand => ({ name: 'submit-assignment-report', payload: { unitId, reportRef: 'routing:doc:1' } });

// The county bureau 交办 a village matter to 东屯镇 on Monday 2025-03-03 (report due 2025-04-02); the township signs and
// 交办 it on to 水花堡村 (report due 2025-03-20), which signs, accepts, replies and serves.
const toTownship: TimedStep[] = [
  ['2025-03-03T01:00:00.000Z', commands.register({ category: 'other', placeCode: '410726101202' })],
  ['2025-03-03T02:00:00.000Z', assign(BUREAU, TOWNSHIP, '2025-04-02T16:00:00.000Z', 1)],
  ['2025-03-04T01:00:00.000Z', commands.sign(TOWNSHIP)],
];
const toVillage: TimedStep[] = [
  ...toTownship,
  ['2025-03-04T02:00:00.000Z', assign(TOWNSHIP, VILLAGE, '2025-03-20T16:00:00.000Z', 2)],
  ['2025-03-05T01:00:00.000Z', commands.sign(VILLAGE)],
];
const replied: TimedStep[] = [
  ...toVillage,
  ['2025-03-05T02:00:00.000Z', commands.accept(VILLAGE)],
  ['2025-03-10T01:00:00.000Z', commands.reply(VILLAGE)],
  ['2025-03-10T02:00:00.000Z', commands.serve(VILLAGE, '2025-03-10T02:00:00.000Z')],
];
const feedback = (steps: TimedStep[]) =>
  runningClocks(playAt(steps).state, clockContext('2025-03-12T00:00:00.000Z'))
    .filter((c) => c.kind === 'assignment-feedback')
    .map((c) => c.unitId);

describe('a township assigns (交办) to its villages', () => {
  it('offers the township holding the case 交办, to the villages of its territory only', () => {
    const s = playAt(toTownship).state;
    expect(
      allowedActions(
        s,
        { unitId: TOWNSHIP, subject: 't-1', roles: ALL },
        { directory: XINXIANG, clocks: clockContext('2025-03-04T01:30:00.000Z'), replyDraft: null },
      ),
    ).toEqual(['dispatch', 'assign-handler', 'accept', 'not-accept', 'raise-objection']);
    expect(dispatchRefusal(s, unit(TOWNSHIP), unit(VILLAGE), 'assign', XINXIANG)).toBeNull();
    expect(dispatchRefusal(s, unit(TOWNSHIP), unit(VILLAGE), 'forward', XINXIANG)).toBe('VILLAGE_ASSIGN_ONLY');
    expect(dispatchRefusal(s, unit(TOWNSHIP), unit(OTHER_VILLAGE), 'assign', XINXIANG)).toBe('VILLAGE_ASSIGN_ONLY');
    expect(dispatchRefusal(s, unit(TOWNSHIP), unit('410726000000:dept-hrss'), 'assign', XINXIANG)).toBe('VILLAGE_ASSIGN_ONLY');
  });

  it('lets the village sign and decide, but not object to the township (it reports back instead)', () => {
    const s = playAt(toVillage).state;
    expect(s.holdingUnitId).toBe(VILLAGE);
    expect(
      allowedActions(
        s,
        { unitId: VILLAGE, subject: 'v-1', roles: ALL },
        { directory: XINXIANG, clocks: clockContext('2025-03-05T02:00:00.000Z'), replyDraft: null },
      ),
    ).toEqual(['assign-handler', 'accept', 'not-accept']);
  });

  it('has the village report to the township and the township to the county bureau, each answering its own 交办', () => {
    expect(feedback(replied)).toEqual([TOWNSHIP, VILLAGE]);
    const villageReported = playAt([...replied, ['2025-03-11T01:00:00.000Z', report(VILLAGE)]]);
    expect(villageReported.events.at(-1)?.payload).toMatchObject({ unitId: VILLAGE, bureauUnitId: TOWNSHIP });
    // The village's report does not answer the county bureau's 交办 to the township.
    expect(feedback([...replied, ['2025-03-11T01:00:00.000Z', report(VILLAGE)]])).toEqual([TOWNSHIP]);
    const both = playAt([...replied, ['2025-03-11T01:00:00.000Z', report(VILLAGE)], ['2025-03-11T02:00:00.000Z', report(TOWNSHIP)]]);
    expect(both.events.at(-1)?.payload).toMatchObject({ unitId: TOWNSHIP, bureauUnitId: BUREAU });
    expect(feedback([...replied, ['2025-03-11T01:00:00.000Z', report(VILLAGE)], ['2025-03-11T02:00:00.000Z', report(TOWNSHIP)]])).toEqual(
      [],
    );
    expect(decide(both.state, report(VILLAGE))).toMatchObject({ ok: false, error: { code: 'ALREADY_REPORTED' } });
  });
});
