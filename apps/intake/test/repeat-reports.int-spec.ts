import { forSuite } from '@sunshine/testing';

import { IntakeWorld, petition, type Registered, type UnitKey, UNITS } from './support/intake-world';

interface ReportView {
  id: string;
  caseId: string;
  earlierCaseId: string;
  score: number;
  reportedAt: string;
}

// Issue 17 door 2, the other half: a repeat match the registering unit may not see names nothing to it, and is reported
// to the unit that may see the earlier case (an accusation: the discipline organ with authority), which alone lists it.
describe('intake repeat reports (a hidden repeat goes to the unit that may see it)', () => {
  const w = forSuite(
    () => IntakeWorld.start(),
    (world) => world.stop(),
  );

  async function register(body: Record<string, unknown>, unit: UnitKey): Promise<Registered> {
    const res = await w.call<Registered>('POST', '/petitions', body, unit);
    if (res.status !== 201) throw new Error(`registration answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body;
  }

  const reportsOf = async (unit: UnitKey): Promise<{ status: number; body: ReportView[] }> => {
    const res = await w.call<ReportView[]>('GET', '/repeat-reports', undefined, unit);
    return { status: res.status, body: res.body };
  };

  it('tells the accused township’s office nothing and reports the match to the county discipline commission only', async () => {
    const accuser = { name: '褚控告', idNumber: '410726198803031919', phone: '13200132000' };
    const matter = {
      subject: '举报东屯镇干部截留补偿款',
      content: '东屯镇人民政府某干部截留村民土地补偿款十二万元，本人有收据和录音为证。',
    };
    const accusation = await register(
      petition({ type: 'accusation', category: 'other', petitioner: accuser, ...matter, accused: { unitId: UNITS.dongtun } }),
      'countyBureau',
    );
    const names = (body: unknown) => JSON.stringify(body).includes(accusation.caseId);

    // The accused township's own petition office registers the accuser again, the same accusation by the same ID number.
    const again = await register(
      petition({ type: 'accusation', category: 'other', petitioner: accuser, ...matter, accused: { unitId: UNITS.dongtun } }),
      'dongtunOffice',
    );
    expect([again.flags.repeatOf, again.checks.repeat, again.checks.art19, names(again)]).toEqual([undefined, null, null, false]);

    // Recorded for the county discipline commission (the organ with authority over a township), nobody else.
    const rows = await w.sql<{ case_id: string; earlier_case_id: string; reported_to: string }>(
      `SELECT case_id, earlier_case_id, reported_to FROM intake.repeat_reports WHERE earlier_case_id = $1`,
      [accusation.caseId],
    );
    expect(rows).toEqual([{ case_id: again.caseId, earlier_case_id: accusation.caseId, reported_to: UNITS.countyDiscipline }]);

    const commission = await reportsOf('countyDiscipline');
    expect(commission.status).toBe(200);
    expect(commission.body.filter((r) => r.earlierCaseId === accusation.caseId)).toEqual([
      { id: expect.any(String), caseId: again.caseId, earlierCaseId: accusation.caseId, score: 1, reportedAt: expect.any(String) },
    ]);

    // The office, the accused unit and the bureau that registered the accusation list nothing of it.
    for (const unit of ['dongtunOffice', 'dongtun', 'countyBureau'] as const) {
      const list = await reportsOf(unit);
      expect([unit, list.status, list.body.length, names(list.body)]).toEqual([unit, 200, 0, false]);
    }
  });

  it('reports nothing when the registering unit may see the earlier case (the match is its own to see)', async () => {
    const accuser = { name: '卫检举', idNumber: '410726197606062626', phone: '13100131000' };
    const matter = { subject: '举报东屯镇干部虚报冒领', content: '东屯镇某干部虚报冒领低保资金三万元，涉及多户村民，有名单为证。' };
    const accusation = await register(
      petition({ type: 'accusation', category: 'other', petitioner: accuser, ...matter, accused: { unitId: UNITS.dongtun } }),
      'countyBureau',
    );
    const atBureau = await register(petition({ petitioner: accuser, ...matter }), 'countyBureau');
    expect(atBureau.flags.repeatOf).toBe(accusation.caseId);
    expect(await w.sql(`SELECT 1 FROM intake.repeat_reports WHERE earlier_case_id = $1`, [accusation.caseId])).toEqual([]);
  });

  it('refuses a malformed limit with 400 and its field', async () => {
    const res = await w.call<{ code: string }>('GET', '/repeat-reports?limit=0', undefined, 'countyDiscipline');
    expect([res.status, res.body.code]).toEqual([400, 'VALIDATION_FAILED']);
  });
});
