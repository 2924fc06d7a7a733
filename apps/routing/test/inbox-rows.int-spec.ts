import { eventually } from '@sunshine/testing';

import { RoutingWorld, U } from './support/routing-world';

interface Duty {
  clock: string;
  dueAt: string;
  state: string;
}
interface Row {
  caseId: string;
  status: string;
  mergedInto: { caseId: string; caseNumber: string | null } | null;
  holdingUnitName: string | null;
  placeName: string | null;
  duties: Duty[];
}

// Issue 12: inbox rows showed unit ids and no deadline warning. A row now names the holding unit and the place, and
// lists what the viewing unit owes on the case with supervision's warning state.
describe('inbox rows (routing alone)', () => {
  const w = RoutingWorld.forSuite('small');

  const rowOf = async (unitId: string, caseId: string): Promise<Row | undefined> =>
    (await w.call<{ items: Row[] }>('GET', '/inbox', unitId)).body.items.find((i) => i.caseId === caseId);

  it('names the holding unit and the place, and shows the unit’s duties with supervision’s warning of the very due', async () => {
    const caseId = await w.register();
    await w.waitFor(caseId, 'case.dispatched');
    const row = await rowOf(U.hrss, caseId);
    expect(row).toMatchObject({ holdingUnitName: '延津县人力资源和社会保障局', placeName: '新乡市延津县东屯镇' });
    // 交办: the acceptance decision (15 days) comes before the completion report (30 days).
    expect(row?.duties.map((d) => [d.clock, d.state])).toEqual([
      ['acceptance', 'running'],
      ['assignment-feedback', 'running'],
    ]);
    // The bureau owes nothing on it any more: its row (a case it held) lists no duty.
    expect((await rowOf(U.countyBureau, caseId))?.duties).toEqual([]);

    const acceptanceDue = row?.duties[0]?.dueAt ?? '';
    // A warning of another due (e.g. before an extension moved it) does not count; the warning of this due does.
    await w.produce(caseId, 'case.deadline-warning', {
      clock: 'acceptance',
      stage: 'original',
      unitId: U.hrss,
      dueAt: '2020-01-01T16:00:00.000Z',
      article: '《信访工作条例》第23条',
    });
    await w.produce(caseId, 'case.deadline-warning', {
      clock: 'acceptance',
      stage: 'original',
      unitId: U.hrss,
      dueAt: acceptanceDue,
      article: '《信访工作条例》第23条',
    });
    await w.waitFor(caseId, 'case.deadline-warning', 2);
    const warned = await eventuallyRow(caseId, (r) => r.duties[0]?.state === 'warned');
    expect(warned.duties.map((d) => [d.clock, d.state])).toEqual([
      ['acceptance', 'warned'],
      ['assignment-feedback', 'running'],
    ]);
  });

  it('ends a merged case (并单) in every inbox, with the case that carries on, and stops its duties', async () => {
    const earlier = await w.register({ caseNumber: '410726-2026-700001' });
    const later = await w.register({ caseNumber: '410726-2026-700002' });
    await w.waitFor(earlier, 'case.dispatched');
    await w.waitFor(later, 'case.dispatched');
    // Intake's merge, as its relay would publish it.
    await w.produce(later, 'petition.merged', { matchedCaseId: earlier, score: 0.91 });
    const [closed] = await w.waitFor(later, 'case.closed');
    expect(closed?.payload).toEqual({
      unitId: U.hrss,
      reason: { code: 'merged', text: '并入410726-2026-700001号信访事项办理' },
      mergedInto: earlier,
      mergedIntoCaseNumber: '410726-2026-700001',
    });
    const merged = { caseId: earlier, caseNumber: '410726-2026-700001' };
    const row = await eventuallyRow(later, (r) => r.status === 'closed');
    expect(row).toMatchObject({ status: 'closed', mergedInto: merged, duties: [] });
    const bureauRow = (await w.call<{ items: Row[] }>('GET', '/inbox', U.countyBureau)).body.items.find((i) => i.caseId === later);
    expect(bureauRow).toMatchObject({ status: 'closed', mergedInto: merged });
    // The case that carries on keeps its duties.
    expect((await rowOf(U.hrss, earlier))?.duties.map((d) => d.clock)).toEqual(['acceptance', 'assignment-feedback']);
    expect((await rowOf(U.hrss, earlier))?.mergedInto).toBeNull();
  });

  const eventuallyRow = (caseId: string, ok: (r: Row) => boolean): Promise<Row> =>
    eventually(
      async () => {
        const row = await rowOf(U.hrss, caseId);
        return row && ok(row) ? row : undefined;
      },
      30000,
      `the row of ${caseId}`,
    );
});
