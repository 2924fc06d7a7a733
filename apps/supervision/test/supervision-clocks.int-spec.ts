import { CaseScript } from './support/case-events';
import { UNITS } from './support/directory';
import { O, W, X } from './support/notices';
import { SupervisionWorld } from './support/supervision-world';

// Every instant below was worked out by hand from 《民法典》201–203 and the 2026 arrangement (国办发明电〔2025〕7号, as
// chinese-days ships it): 春节 2/15–2/23 off, 2/14 (Sat) and 2/28 (Sat) worked; 清明 4/4–4/6; 劳动节 5/1–5/5, 5/9 (Sat)
// worked; 国庆 10/1–10/7. A period ends at 24:00 Asia/Shanghai of its last day = that day 16:00Z. Warnings come 3 days
// and 1 day before (the default leads).

describe('the deadline ledger with the injectable clock', () => {
  const world = SupervisionWorld.forSuite('2026-02-01T00:00:00.000Z');

  /** The case's notices (of `kind` if given) stay `before` up to the last millisecond before `at`, and are `then` at it. */
  async function changesExactlyAt(
    c: CaseScript,
    instants: { lastQuiet: string; at: string },
    notices: { before: string[]; then: string[] },
    kind?: string,
  ): Promise<void> {
    await world.at(instants.lastQuiet);
    expect(await c.notices(kind)).toEqual(notices.before);
    await world.at(instants.at);
    expect(await c.notices(kind)).toEqual(notices.then);
  }

  it('warns and goes overdue on the dispatch clock at the instants the law gives, moved off the Spring Festival, once each', async () => {
    const c = new CaseScript(world);
    await world.at('2026-02-02T00:00:00.000Z');
    // Received Mon 2/2 → 15 days → Tue 2/17, a holiday → the first working day after it: Tue 2/24.
    await c.registered('2026-02-02T02:00:00.000Z');
    const due = '2026-02-24T16:00:00.000Z';
    await changesExactlyAt(
      c,
      { lastQuiet: '2026-02-21T15:59:59.999Z', at: '2026-02-21T16:00:00.000Z' },
      { before: [], then: [`${W} dispatch ${due}`] },
    );
    await changesExactlyAt(
      c,
      { lastQuiet: '2026-02-24T15:59:59.999Z', at: due },
      {
        before: [`${W} dispatch ${due}`, `${W} dispatch ${due}`],
        then: [`${W} dispatch ${due}`, `${W} dispatch ${due}`, `${O} dispatch ${due}`],
      },
    );
    await world.at('2026-03-10T00:00:00.000Z');
    expect(await c.notices('dispatch')).toHaveLength(3);
    expect((await world.clocks(c.caseId)).find((k) => k.kind === 'dispatch')).toMatchObject({ status: 'overdue', last_day: '2026-02-24' });
  });

  it('counts the objection period in working days across the holiday with its make-up Saturday, and stops the acceptance clock when the unit accepts', async () => {
    const c = new CaseScript(world);
    await world.at('2026-02-10T00:00:00.000Z');
    await c.registered('2026-02-10T02:00:00.000Z');
    // Dispatched Wed 2/11. Objection: 2/12 (1), 2/13 (2), Sat 2/14 worked (3), holiday to 2/23, 2/24 (4), 2/25 (5).
    // Acceptance: 2/11 + 15 = Thu 2/26.
    await c.dispatched('2026-02-11T02:00:00.000Z');
    const objection = '2026-02-25T16:00:00.000Z';
    const acceptance = '2026-02-26T16:00:00.000Z';
    await changesExactlyAt(
      c,
      { lastQuiet: '2026-02-22T15:59:59.999Z', at: '2026-02-22T16:00:00.000Z' },
      { before: [], then: [`${W} objection ${objection}`] },
    );
    await world.at('2026-02-23T16:00:00.000Z');
    await world.at('2026-02-24T16:00:00.000Z');
    await world.at('2026-02-25T16:00:00.000Z');
    // The objection period lapses silently (a right of the unit, not a duty); acceptance is warned 3 and 1 days before.
    expect(await c.notices()).toEqual([
      `${W} objection ${objection}`,
      `${W} acceptance ${acceptance}`,
      `${W} objection ${objection}`,
      `${W} acceptance ${acceptance}`,
    ]);
    await c.accepted('2026-02-26T01:00:00.000Z');
    await world.at('2026-02-27T00:00:00.000Z');
    expect(await c.notices('acceptance')).toHaveLength(2);
    const clocks = await world.clocks(c.caseId);
    expect(clocks.map((k) => [k.kind, k.status])).toEqual([
      ['acceptance', 'satisfied'],
      ['dispatch', 'satisfied'],
      ['handling', 'running'],
      ['objection', 'lapsed'],
    ]);
  });

  it('moves the handling clock by an approved extension, warns against the new date only, and stops it at the reply', async () => {
    const c = new CaseScript(world);
    await world.at('2026-02-25T00:00:00.000Z');
    // Accepted Thu 2/26 → 60 days → Mon 4/27; +10 days approved → Thu 5/7 (after 劳动节 5/1–5/5).
    await c.throughAcceptance('2026-02-25T01:00:00.000Z', '2026-02-25T02:00:00.000Z', '2026-02-26T02:00:00.000Z');
    expect((await world.clocks(c.caseId)).find((k) => k.kind === 'handling')).toMatchObject({ last_day: '2026-04-27' });
    await c.extensionApproved('2026-03-20T02:00:00.000Z', 10);
    const due = '2026-05-07T16:00:00.000Z';
    expect((await world.clocks(c.caseId)).find((k) => k.kind === 'handling')).toMatchObject({ last_day: '2026-05-07' });
    await world.at('2026-04-28T00:00:00.000Z');
    expect(await c.notices('handling')).toEqual([]);
    await changesExactlyAt(
      c,
      { lastQuiet: '2026-05-04T15:59:59.999Z', at: '2026-05-04T16:00:00.000Z' },
      { before: [], then: [`${W} handling ${due}`] },
      'handling',
    );
    await c.replied('2026-05-06T02:00:00.000Z');
    await world.at('2026-05-08T00:00:00.000Z');
    expect(await c.notices('handling')).toEqual([`${W} handling ${due}`]);
    expect((await world.clocks(c.caseId)).find((k) => k.kind === 'handling')).toMatchObject({ status: 'satisfied' });
  });

  it('expires the review window at the end of National Day and not the rating window the petitioner used', async () => {
    const c = new CaseScript(world);
    await world.at('2026-08-30T00:00:00.000Z');
    await c.registered('2026-08-01T02:00:00.000Z');
    await c.replied('2026-08-31T02:00:00.000Z');
    // Served Tue 9/1 → 30 days → Thu 10/1, 国庆 to 10/7 → Thu 10/8 (9/20 Sun and 10/10 Sat are make-up days).
    await c.served('2026-09-01T02:00:00.000Z');
    await c.rated('2026-09-10T02:00:00.000Z');
    const due = '2026-10-08T16:00:00.000Z';
    await changesExactlyAt(c, { lastQuiet: '2026-10-08T15:59:59.999Z', at: due }, { before: [], then: [`${X} review ${due}`] }, 'review');
    const expired = await world.written(c.caseId, 'case.window-expired');
    expect(expired[0]?.payload).toEqual({ window: 'review', stage: 'original', unitId: UNITS.hrss, dueAt: due });
    expect(await c.notices('rating')).toEqual([]);
    const windows = (await world.clocks(c.caseId)).filter((k) => k.kind.endsWith('-window'));
    expect(windows.map((k) => [k.kind, k.status])).toEqual([
      ['rating-window', 'satisfied'],
      ['review-request-window', 'expired'],
    ]);
  });

  it('runs the review clock against the unit routing names, and pauses the re-review clock for a hearing (Art 36)', async () => {
    const review = new CaseScript(world);
    const reReview = new CaseScript(world);
    await world.at('2026-03-01T00:00:00.000Z');
    for (const c of [review, reReview]) await c.registered('2026-01-05T02:00:00.000Z');
    // Review requested Mon 3/2 → 30 days → Wed 4/1.
    await review.reviewRequested('2026-03-02T02:00:00.000Z', 'review');
    await review.stageOpened('2026-03-02T03:00:00.000Z', 'review', UNITS.cityBureau, UNITS.hrss);
    // Re-review requested Mon 3/2; a hearing 3/10 09:00–3/12 17:00 (Shanghai) does not count: 3 days → 30 + 3 → Sat 4/4,
    // 清明 4/4–4/6 → Tue 4/7.
    await reReview.reviewRequested('2026-03-02T02:00:00.000Z', 're-review');
    await reReview.stageOpened('2026-03-02T03:00:00.000Z', 're-review', UNITS.cityBureau, UNITS.hrss);
    await world.at('2026-03-10T02:00:00.000Z');
    await reReview.hearing('2026-03-10T01:00:00.000Z', 'started');
    await world.at('2026-03-29T16:00:00.000Z');
    expect(await review.notices('review-handling')).toEqual([`${W} review-handling 2026-04-01T16:00:00.000Z`]);
    await world.at('2026-03-31T16:00:00.000Z');
    await world.at('2026-04-01T16:00:00.000Z');
    expect(await review.notices('review-handling')).toEqual([
      `${W} review-handling 2026-04-01T16:00:00.000Z`,
      `${W} review-handling 2026-04-01T16:00:00.000Z`,
      `${O} review-handling 2026-04-01T16:00:00.000Z`,
    ]);
    const overdue = (await world.written(review.caseId, 'case.overdue')).find((e) => e.payload.clock === 'review-handling');
    expect(overdue?.payload).toMatchObject({ unitId: UNITS.cityBureau, stage: 'review' });
    // While the hearing is open the re-review clock does not run out.
    await world.at('2026-04-02T00:00:00.000Z');
    expect(await reReview.notices('re-review-handling')).toEqual([]);
    expect((await world.clocks(reReview.caseId)).find((k) => k.kind === 're-review-handling')).toMatchObject({ status: 'paused' });
    await reReview.hearing('2026-03-12T09:00:00.000Z', 'ended');
    const due = '2026-04-07T16:00:00.000Z';
    await changesExactlyAt(
      reReview,
      { lastQuiet: '2026-04-07T15:59:59.999Z', at: due },
      {
        before: [`${W} re-review-handling ${due}`, `${W} re-review-handling ${due}`],
        then: [`${W} re-review-handling ${due}`, `${W} re-review-handling ${due}`, `${O} re-review-handling ${due}`],
      },
      're-review-handling',
    );
  });
});
