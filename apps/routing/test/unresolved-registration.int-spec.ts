import { forSuite } from '@sunshine/testing';

import { COUNTY, RoutingWorld, U } from './support/routing-world';

// 有访必录入 of a place or category the directory does not know (issue 12): registered as given, it waits at the
// registering bureau's desk for a person (人工分办) and is never dispatched by a rule.
describe('a petition registered as given', () => {
  const w = forSuite(
    () => RoutingWorld.start('small'),
    (world) => world.stop(),
  );

  it('goes to the registering bureau’s desk with the place and category as given, not to a rule', async () => {
    const caseId = await w.register({
      placeCode: COUNTY,
      category: 'other',
      asGiven: { placeCode: '130102000000', placeText: '河北省石家庄市长安区', category: '宗教事务' },
    });
    const [manual] = await w.waitFor(caseId, 'case.manual-dispatch-required');
    expect(manual?.payload).toEqual({
      unitId: U.countyBureau,
      reason: {
        code: 'unresolved-registration',
        text: '按原样登记（地点：河北省石家庄市长安区 130102000000；类别：宗教事务），不在机构目录或类别代码表中，需人工分办 (registered as given: a person decides)',
      },
    });
    expect((await w.eventsOf(caseId)).map((e) => e.type)).toEqual(['petition.registered', 'case.manual-dispatch-required']);
    const desk = await w.call<{ items: Array<{ caseId: string; reason: string; detail: string }> }>(
      'GET',
      '/desk?limit=200',
      U.countyBureau,
    );
    expect(desk.body.items.find((i) => i.caseId === caseId)).toMatchObject({
      reason: 'unresolved-registration',
      detail: expect.stringContaining('宗教事务'),
    });
  });

  it('still dispatches a petition whose place and category are known by the rules', async () => {
    const caseId = await w.register();
    const [dispatched] = await w.waitFor(caseId, 'case.dispatched');
    expect(dispatched?.payload.fromUnitId).toBe(U.countyBureau);
    expect((await w.eventsOf(caseId)).some((e) => e.type === 'case.manual-dispatch-required')).toBe(false);
  });

  it('puts a matter final after re-review on the desk, where the head decides 不予受理 with one action', async () => {
    const finalOf = '01900000-0000-7000-8000-0000000000f1';
    const caseId = await w.register({ flags: { skipLevel: false, confidential: false, lawsuit: false, repeatOf: finalOf, finalOf } });
    const [manual] = await w.waitFor(caseId, 'case.manual-dispatch-required');
    expect(manual?.payload).toEqual({
      unitId: U.countyBureau,
      reason: {
        code: 'finalized-matter',
        text: `同一事项已经复核终结（${finalOf}），不再受理（第三十六条），请决定不予受理 (final after re-review: decide not to accept)`,
      },
    });
    const decided = await w.act(
      U.countyBureau,
      caseId,
      'not-accept',
      {
        reason: { code: 'finalized-after-re-review', text: '同一事项已经复核终结' },
        properChannel: 'no-further-petition',
      },
      ['head'],
    );
    expect(decided.status).toBe(200);
    const [notAccepted] = await w.waitFor(caseId, 'case.not-accepted');
    expect(notAccepted?.payload).toMatchObject({ unitId: U.countyBureau, properChannel: 'no-further-petition' });
    expect((await w.eventsOf(caseId)).some((e) => e.type === 'case.dispatched')).toBe(false);
  });
});
