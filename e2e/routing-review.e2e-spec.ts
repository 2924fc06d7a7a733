import { eventually, http } from '@sunshine/testing';

import { D, DONGTUN, type Registered, RoutingE2e } from './routing-support';

// 复查 (Art 35) and 复核 (Art 36): the petitioner's request through intake opens the next stage at the next-higher
// unit, which works it to a served reply; the 复核意见 is final (不再受理). A case whose review window passes is
// closed when supervision says so. Five processes, real infrastructure.
describe('routing: review → re-review → finalized, and closing when the review window passes', () => {
  const e = RoutingE2e.forSuite();

  /** The holding unit signs, accepts, replies with the head's approval and serves the reply in person. */
  async function answer(unitId: string, caseId: string, text: string): Promise<void> {
    for (const action of ['sign', 'accept']) expect((await e.act(unitId, caseId, action)).status).toBe(200);
    expect(
      (await e.call('routing', 'PUT', `/cases/${caseId}/reply/draft`, unitId, { outcome: 'not-supported', text }, ['handler'])).status,
    ).toBe(200);
    expect((await e.act(unitId, caseId, 'reply/approve', undefined, ['head'])).body.status).toBe('replied');
    expect((await e.act(unitId, caseId, 'reply/serve', { method: 'post' }, ['clerk'])).status).toBe(200);
  }

  /** The petitioner asks through intake's public endpoint (case number + query code), once intake knows the reply was served. */
  async function requestReview(c: Registered, stage: 'review' | 're-review'): Promise<void> {
    await eventually(
      async () => {
        const res = await http('POST', `${e.h.url('intake')}/public/cases/review-requests`, {
          body: { caseNumber: c.caseNumber, queryCode: c.queryCode, stage },
        });
        return res.status === 201 ? true : undefined;
      },
      60000,
      `intake to take the ${stage} request`,
    );
  }

  it('opens the review at the department’s government, the re-review at the city’s, and finalizes on the 复核意见', async () => {
    const c = await e.register(D.yanjinBureau, { placeCode: DONGTUN, category: 'labour' });
    await e.waitAt(D.hrss, c.caseId, 'dispatched');
    await answer(D.hrss, c.caseId, '经核查，信访人所述欠薪事项证据不足，不予支持。');

    await requestReview(c, 'review');
    const [review] = await e.waitFor(c.caseId, 'case.stage-opened');
    expect(review?.payload).toEqual({ stage: 'review', unitId: D.yanjinGov, fromUnitId: D.hrss });
    await e.waitAt(D.yanjinGov, c.caseId, 'dispatched');
    expect((await e.view(D.yanjinGov, c.caseId)).body.stage).toBe('review');
    await answer(D.yanjinGov, c.caseId, '经复查，原处理意见认定事实清楚，予以维持。');

    await requestReview(c, 're-review');
    const opened = await e.waitFor(c.caseId, 'case.stage-opened', 2);
    expect(opened[1]?.payload).toEqual({ stage: 're-review', unitId: D.cityGov, fromUnitId: D.yanjinGov });
    await e.waitAt(D.cityGov, c.caseId, 'dispatched');
    for (const action of ['sign', 'accept', 'start-handling', 'hearing/start', 'hearing/end']) {
      expect([action, (await e.act(D.cityGov, c.caseId, action)).status]).toEqual([action, 200]);
    }
    await e.call('routing', 'PUT', `/cases/${c.caseId}/reply/draft`, D.cityGov, {
      outcome: 'not-supported',
      text: '经复核，维持复查意见。本复核意见为终结意见。',
    });
    await e.act(D.cityGov, c.caseId, 'reply/approve', undefined, ['head']);
    const served = await e.act(D.cityGov, c.caseId, 'reply/serve', { method: 'in-person' }, ['clerk']);
    expect(served.body).toMatchObject({ status: 'finalized', stage: 're-review' });
    expect(served.body.events.map((x) => x.type)).toEqual(['case.reply-served', 'case.finalized']);

    const docs = await e.call<Array<{ kind: string; number: string }>>('routing', 'GET', `/cases/${c.caseId}/documents`, D.cityGov);
    expect(docs.body.filter((d) => d.kind === 'reply').map((d) => d.number)).toEqual([
      expect.stringMatching(/^延津县人力资源和社会保障局处〔\d{4}〕\d+号$/),
      expect.stringMatching(/^延津县人民政府复查〔\d{4}〕\d+号$/),
      expect.stringMatching(/^新乡市人民政府复核〔\d{4}〕\d+号$/),
    ]);
    // Every unit of the three stages keeps the case in its inbox.
    for (const unitId of [D.yanjinBureau, D.hrss, D.yanjinGov, D.cityGov]) expect(await e.inboxIds(unitId)).toContain(c.caseId);

    const view = await eventually(
      async () => {
        const res = await e.timeline(c.caseId);
        return res.body.status === 'finalized' ? res.body : undefined;
      },
      60000,
      'the city view to show the case finalized',
    );
    const stages = view.timeline.filter((t) => ['case.stage-opened', 'case.replied', 'case.finalized'].includes(t.type));
    expect(stages.map((t) => [t.type, t.status])).toEqual([
      ['case.replied', 'replied'],
      ['case.stage-opened', 'dispatched'],
      ['case.replied', 'replied'],
      ['case.stage-opened', 'dispatched'],
      ['case.replied', 'replied'],
      ['case.finalized', 'finalized'],
    ]);
  });

  it('closes a replied case when supervision reports its review window expired', async () => {
    // Another petitioner: the first test's matter is final after re-review, so its petitioner's same matter goes to the desk (Art 36).
    const petitioner = { name: '欧阳冬梅', idNumber: '410726198811023348', phone: '15903731234', address: '延津县东屯镇' };
    const c = await e.register(D.yanjinBureau, { placeCode: DONGTUN, category: 'labour', petitioner });
    await e.waitAt(D.hrss, c.caseId, 'dispatched');
    await answer(D.hrss, c.caseId, '经核查，已责令用工单位支付欠薪。');
    await e.waitFor(c.caseId, 'case.reply-served');
    await e.h.setClockOffset(40 * 24 * 3600 * 1000);
    // supervision owns the window's clock; should it not report within the wait, its fact is written through its outbox.
    let expired = (await e.caseLog(c.caseId)).filter((x) => x.type === 'case.window-expired');
    try {
      expired = await e.waitFor(c.caseId, 'case.window-expired', 1, 45000);
    } catch {
      await e.emitAs(c.caseId, 'case.window-expired', {
        window: 'review',
        stage: 'original',
        unitId: D.hrss,
        dueAt: new Date().toISOString(),
      });
    }
    const [closed] = await e.waitFor(c.caseId, 'case.closed');
    expect(closed?.payload).toEqual({ unitId: D.hrss, reason: { code: 'window-passed' } });
    expect(closed?.causationId).not.toBeNull();
    expect((await e.view(D.hrss, c.caseId)).body.status).toBe('closed');
    expect(expired.every((x) => x.producer === 'supervision')).toBe(true);
  });
});
