import { eventually, forSuite } from '@sunshine/testing';

import { IntakeWorld, petition, type Registered, UNITS } from './support/intake-world';

// The subjects other services' lists show (supervision's city view): only where the caller may read the case in full.
describe('the subjects of several cases for a list (GET /petitions/subjects)', () => {
  const w = forSuite(
    () => IntakeWorld.start(),
    (world) => world.stop(),
  );

  async function register(body: Record<string, unknown>): Promise<Registered> {
    const res = await w.call<Registered>('POST', '/petitions', body, 'countyBureau');
    if (res.status !== 201) throw new Error(`registration answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body;
  }

  it('gives the subject only of the cases the caller may read in full, never an accusation’s outside the discipline chain', async () => {
    const claim = await register(petition({ subject: '拖欠农民工工资（东屯镇工地）' }));
    const accusation = await register(
      petition({
        type: 'accusation',
        category: 'other',
        subject: '举报住建局干部索贿',
        content: '住建局某干部索要好处费。',
        accused: { unitId: UNITS.housing },
      }),
    );
    await eventually(
      async () => {
        const rows = await w.sql<{ n: string }>(`SELECT count(*) AS n FROM intake.case_replica WHERE case_id = ANY($1)`, [
          [claim.caseId, accusation.caseId],
        ]);
        return Number(rows[0]?.n) === 2 ? true : undefined;
      },
      30000,
      'both cases in the replica',
    );
    const ids = `${claim.caseId},${accusation.caseId}`;

    const bureau = await w.call<{ items: Array<{ caseId: string; subject: string }> }>(
      'GET',
      `/petitions/subjects?caseIds=${ids}`,
      undefined,
      'countyBureau',
    );
    expect(bureau.body.items).toEqual([{ caseId: claim.caseId, subject: '拖欠农民工工资（东屯镇工地）' }]);
    const discipline = await w.call<{ items: Array<{ caseId: string; subject: string }> }>(
      'GET',
      `/petitions/subjects?caseIds=${ids}`,
      undefined,
      'cityDiscipline',
    );
    expect(discipline.body.items).toContainEqual({ caseId: accusation.caseId, subject: '举报住建局干部索贿' });
    const accused = await w.call<{ items: unknown[] }>('GET', `/petitions/subjects?caseIds=${accusation.caseId}`, undefined, 'housing');
    expect(accused.body.items).toEqual([]);
    const outsider = await w.call<{ items: unknown[] }>('GET', `/petitions/subjects?caseIds=${claim.caseId}`, undefined, 'fengqiuBureau');
    expect(outsider.body.items).toEqual([]);

    expect((await w.call('GET', '/petitions/subjects?caseIds=not-a-case', undefined, 'countyBureau')).status).toBe(400);
    expect((await w.call('GET', '/petitions/subjects', undefined, 'countyBureau')).status).toBe(400);
  });
});
