import { eventually, forSuite } from '@sunshine/testing';

import { DONGTUN, IntakeWorld, petition, type Registered, type UnitKey, UNITS } from './support/intake-world';

const REPEATER = { name: '赵六', idNumber: '41072619850505123X', phone: '13700137000' };
const WAGES_AGAIN = {
  subject: '再次反映工地拖欠工资',
  content: '东屯镇建筑工地老板拖欠我们农民工工资至今未付，已经三个多月，请求追讨欠薪。',
};
const POLLUTION = { subject: '化工厂夜间排放废气', content: '村北化工厂每天夜间排放刺鼻废气，村民头晕恶心，请求环保部门查处。' };

// Flags and links a registration carries (repeat, Art 19, merge, skip-level, leader reception, lawsuit) and the
// dossier's visibility, on a real intake process with PostgreSQL and Kafka.
describe('intake flags, links and dossier visibility', () => {
  const w = forSuite(
    () => IntakeWorld.start(),
    (world) => world.stop(),
  );

  async function register(body: Record<string, unknown>, unit: UnitKey = 'countyBureau'): Promise<Registered> {
    const res = await w.call<Registered>('POST', '/petitions', body, unit);
    if (res.status !== 201) throw new Error(`registration answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body;
  }

  async function projectedStatus(caseId: string, status: string): Promise<void> {
    await eventually(
      async () => {
        const [row] = await w.sql<{ status: string }>(`SELECT status FROM intake.case_replica WHERE case_id = $1`, [caseId]);
        return row?.status === status ? true : undefined;
      },
      30000,
      `case ${caseId} ${status} in intake's case replica`,
    );
  }

  it('registers a repeat matter, links it to the earlier case and flags Art 19 when it is taken higher in time', async () => {
    const first = await register(petition({ petitioner: REPEATER }));
    expect(first.flags.repeatOf).toBeUndefined();
    await w.produce(first.caseId, 'case.dispatched', {
      stage: 'original',
      fromUnitId: UNITS.countyBureau,
      toUnitId: UNITS.hrss,
      mode: 'assign',
      rule: { id: 'territory-competence-level', version: 1 },
      reasons: ['属地：劳资纠纷'],
      hop: 1,
    });
    await w.produce(first.caseId, 'case.signed', { unitId: UNITS.hrss });
    await w.produce(first.caseId, 'case.accepted', { unitId: UNITS.hrss, claimRoute: 'petition' });
    await projectedStatus(first.caseId, 'accepted');

    const repeat = await register(petition({ petitioner: REPEATER, ...WAGES_AGAIN }), 'cityBureau');
    expect(repeat.flags.repeatOf).toBe(first.caseId);
    expect(repeat.checks.repeat?.score).toBeGreaterThanOrEqual(0.6);
    expect(repeat.checks.art19?.notAccepted).toBe(true);
    const [event] = await w.waitFor(repeat.caseId, 'petition.registered');
    expect(event?.payload.flags.repeatOf).toBe(first.caseId);
    expect(event?.payload.petitionerRef).toBe((await w.waitFor(first.caseId, 'petition.registered'))[0]?.payload.petitionerRef);

    const other = await register(petition({ petitioner: REPEATER, ...POLLUTION, category: 'environment' }));
    expect(other.flags.repeatOf).toBeUndefined();
    expect(
      await w.count(
        'petitioners',
        'id_blind_index IS NOT NULL AND id IN (SELECT petitioner_id FROM intake.petitions WHERE case_id = ANY($1))',
        [[first.caseId, repeat.caseId, other.caseId]],
      ),
    ).toBe(1);

    const merged = await w.call<{ score: number }>(
      'POST',
      `/petitions/${other.caseId}/merge`,
      { matchedCaseId: first.caseId, reason: { code: 'same-matter' } },
      'countyBureau',
    );
    expect(merged.status).toBe(201);
    const [mergedEvent] = await w.waitFor(other.caseId, 'petition.merged');
    expect(Object.keys(mergedEvent?.payload ?? {}).sort()).toEqual(['matchedCaseId', 'reason', 'score']);
    expect(mergedEvent?.payload).toMatchObject({ matchedCaseId: first.caseId, score: merged.body.score });
    const self = await w.call<{ code: string }>(
      'POST',
      `/petitions/${other.caseId}/merge`,
      { matchedCaseId: other.caseId },
      'countyBureau',
    );
    expect([self.status, self.body.code]).toEqual([400, 'INVALID_COMMAND']);
  });

  it('flags a visit received more than one level above the competent organ as skip-level (Art 20), and no letter', async () => {
    const township = {
      category: 'other',
      placeCode: DONGTUN,
      subject: '村道损坏无人修',
      content: '东屯镇某村村道损坏多年无人维修，出行困难。',
    };
    const atCity = await register(petition(township), 'cityBureau');
    expect(atCity.flags.skipLevel).toBe(true);
    expect(atCity.checks.skipLevel.reasons.join('')).toContain('越级');
    expect((await register(petition(township), 'countyBureau')).flags.skipLevel).toBe(false);
    expect((await register(petition({ ...township, channel: 'letter' }), 'cityBureau')).flags.skipLevel).toBe(false);
  });

  it('registers and flags a lawsuit matter instead of refusing it', async () => {
    const r = await register(
      petition({ category: 'lawsuit', subject: '不服法院判决', content: '本人不服县法院的民事判决，认为判决不公，请求重新审理。' }),
    );
    expect(r.flags.lawsuit).toBe(true);
    expect((await w.waitFor(r.caseId, 'petition.registered'))[0]?.payload.flags.lawsuit).toBe(true);
  });

  it('publishes leader receptions, books appointments, and makes a case received there carry the leader', async () => {
    const startsAt = new Date(Date.now() + 2 * 86400_000);
    const created = await w.call<{ id: string }>(
      'POST',
      '/receptions',
      {
        leaderRef: 'leader-410726-01',
        leaderName: '王县长',
        leaderTitle: '县长',
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 3 * 3600_000).toISOString(),
        place: '县信访局接待大厅',
        capacity: 2,
      },
      'countyBureau',
    );
    expect(created.status).toBe(201);
    const schedule = await w.call<Array<{ id: string; unitName: string; leaderName: string }>>(
      'GET',
      `/public/receptions?unitId=${encodeURIComponent(UNITS.countyBureau)}`,
    );
    expect(schedule.status).toBe(200);
    expect(schedule.body.find((r) => r.id === created.body.id)).toMatchObject({ leaderName: '王县长', unitName: '延津县信访局' });

    const book = (name: string, phone: string) =>
      w.call<{ appointmentNumber: string; code?: string }>('POST', `/public/receptions/${created.body.id}/appointments`, {
        name,
        phone,
        subject: '反映征地补偿问题',
      });
    expect((await book('钱七', '13600136000')).status).toBe(201);
    expect((await book('孙八', '13600136001')).status).toBe(201);
    const full = await book('周九', '13600136002');
    expect([full.status, full.body.code]).toEqual([409, 'RECEPTION_FULL']);
    const list = await w.call<Array<{ name: string; phone: string }>>(
      'GET',
      `/receptions/${created.body.id}/appointments`,
      undefined,
      'countyBureau',
    );
    expect(list.body.map((a) => a.name)).toEqual(['钱七', '孙八']);
    expect(list.body[0]?.phone).toBe('136****6000');
    expect((await w.call('GET', `/receptions/${created.body.id}/appointments`, undefined, 'cityBureau')).status).toBe(404);

    const received = await register(petition({ receptionId: created.body.id }));
    expect(received.flags.leaderReception).toBe('leader-410726-01');
    const elsewhere = await w.call<{ code: string }>('POST', '/petitions', petition({ receptionId: created.body.id }), 'cityBureau');
    expect([elsewhere.status, elsewhere.body.code]).toEqual([422, 'UNKNOWN_RECEPTION']);
  });

  it('shows an accusation’s accuser and material only to the discipline-inspection chain, and nothing to the accused unit', async () => {
    const accuser = { name: '吴举报', idNumber: '410726197707071111', phone: '13500135000', address: '延津县城关镇某小区' };
    const secret = '住建局某科长收受开发商好处费二十万元';
    const r = await register(
      petition({
        type: 'accusation',
        category: 'other',
        petitioner: accuser,
        subject: '举报住建局干部受贿',
        content: `${secret}，本人可提供转账记录。`,
        accused: { unitId: UNITS.housing, person: '某科长' },
      }),
    );
    expect(r.flags.confidential).toBe(true);
    const read = (unit: UnitKey) => w.call<Record<string, unknown>>('GET', `/petitions/${r.caseId}/dossier`, undefined, unit);

    for (const unit of ['countyBureau', 'cityBureau'] as const) {
      const outside = await read(unit);
      expect([unit, outside.status, outside.body['access']]).toEqual([unit, 200, 'facts-only']);
      const text = JSON.stringify(outside.body);
      for (const planted of [accuser.name, accuser.phone, accuser.address, secret, '某科长', accuser.idNumber.slice(-4)])
        expect(text).not.toContain(planted);
    }
    for (const unit of ['housing', 'hrss', 'countyDiscipline'] as const) expect([unit, (await read(unit)).status]).toEqual([unit, 404]);
    const chain = await read('cityDiscipline');
    expect(chain.status).toBe(200);
    expect(chain.body).toMatchObject({ access: 'full', content: expect.stringContaining(secret), petitioner: { name: accuser.name } });
  });

  it('never matches, merges or names an accusation for the accused unit, and lets the bare-facts side change no accusation', async () => {
    const accuser = { name: '冯检举', idNumber: '410726198202021818', phone: '13300133333' };
    const matter = { subject: '举报住建局违规发放补贴', content: '住建局某股长违规向亲属发放住房补贴，涉及金额八万元，有名单为证。' };
    const accusation = await register(
      petition({ type: 'accusation', category: 'other', petitioner: accuser, ...matter, accused: { unitId: UNITS.housing } }),
    );
    const names = (body: unknown) => JSON.stringify(body).includes(accusation.caseId);
    // The city's bureau may know of the accusation (its bare facts): the repeat it registers is linked.
    const atCity = await register(petition({ petitioner: accuser, ...matter }), 'cityBureau');
    expect(atCity.flags.repeatOf).toBe(accusation.caseId);
    // The township's government sees the repeat's facts (its territory) but not the accusation: the link is left out.
    const facts = (unit: UnitKey) =>
      w.call<{ facts: { flags: { repeatOf?: string } } }>('GET', `/petitions/${atCity.caseId}/dossier`, undefined, unit);
    const township = await facts('dongtun');
    expect([township.status, township.body.facts.flags.repeatOf, names(township.body)]).toEqual([200, undefined, false]);
    expect((await facts('countyBureau')).body.facts.flags.repeatOf).toBe(accusation.caseId);

    // The accused unit registers the accuser's same matter: no repeat, no Art 19 check, nothing that names the accusation.
    const atAccused = await register(petition({ petitioner: accuser, ...matter }), 'housing');
    expect([atAccused.flags.repeatOf, atAccused.checks.repeat, atAccused.checks.art19, names(atAccused)]).toEqual([
      undefined,
      null,
      null,
      false,
    ]);
    // Linking it by hand answers exactly as for a case that does not exist.
    const merge = (matchedCaseId: string) => w.call('POST', `/petitions/${atAccused.caseId}/merge`, { matchedCaseId }, 'housing');
    const [real, none] = [await merge(accusation.caseId), await merge('01890000-0000-7000-8000-000000000000')];
    expect(real.status).toBe(404);
    expect(real.body).toEqual(none.body);
    for (const [method, path, body] of [
      ['PATCH', '', { changes: { channel: 'letter' }, reason: { code: 'x' } }],
      ['POST', '/callback-ratings', { score: 'satisfied' }],
    ] as const) {
      expect([method, path, (await w.call(method, `/petitions/${accusation.caseId}${path}`, body, 'housing')).status]).toEqual([
        method,
        path,
        404,
      ]);
    }

    // The registering bureau keeps the bare facts: it corrects a fact, but never turns the accusation into a claim.
    const clerical = await w.call(
      'PATCH',
      `/petitions/${accusation.caseId}`,
      { changes: { channel: 'letter' }, reason: { code: 'clerical-error' } },
      'countyBureau',
    );
    expect(clerical.status).toBe(200);
    const retype = await w.call<{ code: string }>(
      'PATCH',
      `/petitions/${accusation.caseId}`,
      { changes: { type: 'claim' }, reason: { code: 'x' } },
      'countyBureau',
    );
    expect([retype.status, retype.body.code]).toEqual([403, 'FULL_ACCESS_REQUIRED']);
    expect((await w.waitFor(accusation.caseId, 'petition.corrected')).map((c) => c.payload.changes)).toEqual([{ channel: 'letter' }]);
  });

  it('lets a unit holding a case read its dossier, while only the registering side changes the registration', async () => {
    const r = await register(petition());
    await w.produce(r.caseId, 'case.dispatched', {
      stage: 'original',
      fromUnitId: UNITS.countyBureau,
      toUnitId: UNITS.hrss,
      mode: 'assign',
      rule: { id: 'territory-competence-level', version: 1 },
      reasons: ['属地：劳资纠纷'],
      hop: 1,
    });
    await projectedStatus(r.caseId, 'dispatched');
    const dossier = await w.call<{ access: string; content: string }>('GET', `/petitions/${r.caseId}/dossier`, undefined, 'hrss');
    expect([dossier.status, dossier.body.access, dossier.body.content]).toEqual([200, 'full', expect.stringContaining('拖欠工资')]);
    const patch = await w.call<{ code: string }>(
      'PATCH',
      `/petitions/${r.caseId}`,
      { changes: { channel: 'letter' }, reason: { code: 'x' } },
      'hrss',
    );
    expect([patch.status, patch.body.code]).toEqual([403, 'NOT_REGISTERING_UNIT']);
    expect((await w.call('GET', `/petitions/${r.caseId}/dossier`, undefined, 'housing')).status).toBe(404);
  });
});
