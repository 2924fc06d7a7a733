import { eventually } from '@sunshine/testing';

import { D, DONGTUN, FENGQIU, RoutingE2e } from './routing-support';

interface Row {
  caseId: string;
  subject: string | null;
  holdingUnitName: string | null;
}

// Issue 12: inbox rows carried no subject. Routing holds no petition text: each row's 事由 is read from intake with the
// reader's own token, and intake answers only where the reader may read the case in full (caseAccess `full`).
describe('routing inbox: the subject (事由), where the reader may read the case in full', () => {
  const e = RoutingE2e.forSuite();

  const rowOf = async (unitId: string, caseId: string): Promise<Row | undefined> =>
    (await e.call<{ items: Row[] }>('routing', 'GET', '/inbox', unitId)).body.items.find((i) => i.caseId === caseId);

  it('shows the handling department a claim’s subject, and the bureau that registered an accusation no subject', async () => {
    const claim = await e.register(D.yanjinBureau, { subject: '拖欠农民工工资（东屯镇工地）' });
    await e.waitAt(D.hrss, claim.caseId, 'dispatched');
    expect(await rowOf(D.hrss, claim.caseId)).toMatchObject({
      subject: '拖欠农民工工资（东屯镇工地）',
      holdingUnitName: '延津县人力资源和社会保障局',
    });

    const accusation = await e.register(D.cityBureau, {
      type: 'accusation',
      category: 'other',
      placeCode: DONGTUN,
      accused: { unitId: D.hrss, person: '李某某' },
      subject: '举报人社局工作人员',
      content: '举报延津县人社局工作人员在工资支付监管中收受好处。',
    });
    await e.waitAt(D.cityDiscipline, accusation.caseId, 'dispatched');
    // The discipline organ reads it in full; the registering bureau keeps the bare facts: no subject.
    expect((await rowOf(D.cityDiscipline, accusation.caseId))?.subject).toBe('举报人社局工作人员');
    const bureauRow = await rowOf(D.cityBureau, accusation.caseId);
    expect(bureauRow).toBeDefined();
    expect(bureauRow?.subject).toBeNull();
  });

  it('gives the desk’s rows the same subject: the bureau reads the claim it must dispatch by hand', async () => {
    // A place in another county: no rule of 延津县 settles it, so it waits on the bureau's desk for a person.
    const c = await e.register(D.yanjinBureau, { placeCode: FENGQIU, subject: '封丘县工地欠薪（跨县）' });
    const row = await eventually(
      async () => {
        const desk = await e.call<{ items: Array<{ caseId: string; subject: string | null }> }>('routing', 'GET', '/desk', D.yanjinBureau);
        return desk.body.items.find((i) => i.caseId === c.caseId);
      },
      60000,
      'the case on the desk',
    );
    expect(row.subject).toBe('封丘县工地欠薪（跨县）');
  });
});
