import { eventually } from '@sunshine/testing';
import { RoutingWorld, U } from './support/routing-world';

interface Duty {
  clock: string;
  dueAt: string;
  state: string;
}
interface Row {
  caseId: string;
  holdingUnitName: string | null;
  placeName: string | null;
  duties: Duty[];
}

// Issue 12: inbox rows showed unit ids and no deadline warning. A row now names the holding unit and the place, and
// lists what the viewing unit owes on the case with supervision's warning state.
describe('inbox rows (routing alone)', () => {
  let w: RoutingWorld;

  beforeAll(async () => {
    w = await RoutingWorld.start('small');
  }, 180000);

  afterAll(async () => {
    await w?.stop();
  });

  const rowOf = async (unitId: string, caseId: string): Promise<Row | undefined> =>
    (await w.call<{ items: Row[] }>('GET', '/inbox', unitId)).body.items.find((i) => i.caseId === caseId);

  it('names the holding unit and the place, and shows the unit’s duties with supervision’s warning of the very due', async () => {
    const caseId = await w.register();
    await w.waitFor(caseId, 'case.dispatched');
    const row = await rowOf(U.hrss, caseId);
    expect(row).toMatchObject({ holdingUnitName: '延津县人力资源和社会保障局', placeName: '新乡市延津县东屯镇' });
    // 交办: the acceptance decision (15 days) comes before the completion report (30 days).
    expect(row?.duties.map((d) => [d.clock, d.state])).toEqual([['acceptance', 'running'], ['assignment-feedback', 'running']]);
    // The bureau owes nothing on it any more: its row (a case it held) lists no duty.
    expect((await rowOf(U.countyBureau, caseId))?.duties).toEqual([]);

    const acceptanceDue = row?.duties[0]?.dueAt ?? '';
    // A warning of another due (e.g. before an extension moved it) does not count; the warning of this due does.
    await w.produce(caseId, 'case.deadline-warning', { clock: 'acceptance', stage: 'original', unitId: U.hrss, dueAt: '2020-01-01T16:00:00.000Z', article: '《信访工作条例》第23条' });
    await w.produce(caseId, 'case.deadline-warning', { clock: 'acceptance', stage: 'original', unitId: U.hrss, dueAt: acceptanceDue, article: '《信访工作条例》第23条' });
    await w.waitFor(caseId, 'case.deadline-warning', 2);
    const warned = await eventuallyRow(caseId, (r) => r.duties[0]?.state === 'warned');
    expect(warned.duties.map((d) => [d.clock, d.state])).toEqual([['acceptance', 'warned'], ['assignment-feedback', 'running']]);
  });

  const eventuallyRow = (caseId: string, ok: (r: Row) => boolean): Promise<Row> =>
    eventually(async () => {
      const row = await rowOf(U.hrss, caseId);
      return row && ok(row) ? row : undefined;
    }, 30000, `the row of ${caseId}`);
});
