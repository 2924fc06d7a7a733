import type { OrgUnitSnapshot } from '@sunshine/contracts';
import { type CaseState, type CaseVisibilityFacts, initialCaseState, OrgDirectory } from '@sunshine/domain';

import { NOTICE_TEMPLATES } from '../templates/notice-templates';
import { DEFAULT_NOTICE_RULES } from './default-notice-rules';
import { type PlannedEvent, planNotices } from './notice-planner';

const CITY = '410700000000';
const COUNTY = '410726000000';
const TOWN = '410726101000';
function unit(id: string, kind: string, divisionCode: string, level: OrgUnitSnapshot['level'], parentId: string | null): OrgUnitSnapshot {
  return {
    id,
    name: id,
    kind,
    divisionCode,
    level,
    territoryPath: [CITY],
    parentId,
    competences: [],
    nonAdministrative: false,
    revision: 1,
  };
}
const U = {
  countyBureau: `${COUNTY}:petition-bureau`,
  countyGov: `${COUNTY}:government`,
  discipline: `${COUNTY}:discipline`,
  hrss: `${COUNTY}:dept-hrss`,
  town: `${TOWN}:government`,
  townOffice: `${TOWN}:petition-office`,
};
const directory = OrgDirectory.of([
  unit(U.countyBureau, 'petition-bureau', COUNTY, 'county', null),
  unit(U.countyGov, 'government', COUNTY, 'county', null),
  unit(U.discipline, 'discipline', COUNTY, 'county', null),
  unit(U.hrss, 'dept-hrss', COUNTY, 'county', U.countyGov),
  unit(U.town, 'government', TOWN, 'township', U.countyGov),
  unit(U.townOffice, 'petition-office', TOWN, 'township', U.town),
]);

// Facts written by hand (not computed): an ordinary claim at the township held by 人社局; an accusation against the
// township government held by the county's discipline commission, registered by the county bureau.
const CLAIM: CaseVisibilityFacts = {
  confidential: false,
  accusedUnitId: null,
  accusedDivision: null,
  registeredBy: U.countyBureau,
  involvedUnits: [U.countyBureau, U.hrss],
  territoryCodes: [CITY, COUNTY, TOWN],
  disciplineDivisions: [],
};
const ACCUSATION: CaseVisibilityFacts = {
  confidential: true,
  accusedUnitId: U.town,
  accusedDivision: TOWN,
  registeredBy: U.countyBureau,
  involvedUnits: [U.countyBureau, U.discipline],
  territoryCodes: [CITY, COUNTY, TOWN],
  disciplineDivisions: [CITY, COUNTY],
};
const state = (over: Partial<CaseState> = {}): CaseState => ({ ...initialCaseState('c-1'), caseNumber: 'X-1', ...over });
const event = (type: string, payload: Record<string, unknown>, facts: CaseVisibilityFacts, s = state()): PlannedEvent => ({
  type,
  payload,
  case: { state: s, facts },
});
const recipients = (e: PlannedEvent) =>
  planNotices(DEFAULT_NOTICE_RULES.rules, e, directory).map(
    (n) => `${n.rule.kind} ${n.recipient.kind === 'unit' ? n.recipient.unitId : 'petitioner'} ${n.channel}`,
  );

describe('planNotices (the default rule table)', () => {
  it('tells the receiving unit of a dispatched case, in-app, by its webhook and by e-mail to its mailbox', () => {
    expect(recipients(event('case.dispatched', { toUnitId: U.hrss, fromUnitId: U.countyBureau }, CLAIM))).toEqual([
      `unit.case-arrived ${U.hrss} in-app`,
      `unit.case-arrived ${U.hrss} webhook`,
      `unit.case-arrived ${U.hrss} email`,
    ]);
  });

  it('mails a unit what it wants in its mailbox (an arrival, an assisting request, an order, a 催办, a report-up), and no more', () => {
    const onEmail = (e: PlannedEvent) => recipients(e).filter((r) => r.endsWith(' email'));
    expect(onEmail(event('case.stage-opened', { unitId: U.hrss }, CLAIM))).toEqual([`unit.case-arrived ${U.hrss} email`]);
    expect(onEmail(event('case.assisting-unit-added', { assistingUnitId: U.town }, CLAIM))).toEqual([
      `unit.assist-requested ${U.town} email`,
    ]);
    expect(onEmail(event('case.supervision-order-issued', { unitId: U.hrss, byUnitId: U.countyBureau }, CLAIM))).toEqual([
      `unit.supervision-order ${U.hrss} email`,
    ]);
    expect(onEmail(event('case.supervision-order-reminded', { unitId: U.hrss, byUnitId: U.countyBureau }, CLAIM))).toEqual([
      `unit.supervision-reminder ${U.hrss} email`,
    ]);
    expect(onEmail(event('case.reported-up', { unitId: U.hrss, toUnitIds: [U.countyGov, U.countyBureau] }, CLAIM))).toEqual([
      `unit.reported-up ${U.countyGov} email`,
      `unit.reported-up ${U.countyBureau} email`,
    ]);
    for (const e of [
      event('case.overdue', { unitId: U.hrss }, CLAIM),
      event('case.deadline-warning', { unitId: U.hrss }, CLAIM),
      event('case.escalated', { unitId: U.hrss, toUnitId: U.countyBureau }, CLAIM),
      event('case.objection-approved', { unitId: U.hrss }, CLAIM),
    ])
      expect([e.type, onEmail(e)]).toEqual([e.type, []]);
  });

  it('never tells the accused township or its office of an accusation, whatever a rule names', () => {
    expect(recipients(event('case.supervision-order-issued', { unitId: U.town, byUnitId: U.discipline }, ACCUSATION))).toEqual([]);
    expect(
      recipients(event('case.reported-up', { unitId: U.discipline, toUnitIds: [U.town, U.townOffice, U.countyGov] }, ACCUSATION)),
    ).toEqual([]);
    expect(recipients(event('case.dispatched', { toUnitId: U.discipline }, ACCUSATION))).toEqual([
      `unit.case-arrived ${U.discipline} in-app`,
      `unit.case-arrived ${U.discipline} webhook`,
      `unit.case-arrived ${U.discipline} email`,
    ]);
  });

  it('serves the written reply electronically only on an online petition', () => {
    expect(recipients(event('case.replied', { unitId: U.hrss }, CLAIM, state({ channel: 'online' })))).toEqual([
      'petitioner.reply petitioner sms',
    ]);
    expect(recipients(event('case.replied', { unitId: U.hrss }, CLAIM, state({ channel: 'visit' })))).toEqual([]);
  });

  it('tells a dissatisfied petitioner on the petition route of the review, and nobody after a satisfied rating', () => {
    const onRoute = state({ claimRoute: 'petition' });
    expect(recipients(event('petition.rated', { score: 'dissatisfied' }, CLAIM, onRoute))).toEqual([
      'petitioner.review-eligible petitioner sms',
      'petitioner.review-eligible petitioner email',
    ]);
    expect(recipients(event('petition.rated', { score: 'satisfied' }, CLAIM, onRoute))).toEqual([]);
  });

  it('tells the petitioner how the petition bureau decided a personal-data request, by outcome', () => {
    const decided = (outcome: string) =>
      recipients(event('petition.personal-data-request-decided', { requestId: 'r-1', kind: 'deletion', outcome }, CLAIM));
    expect(decided('corrected')).toEqual([
      'petitioner.personal-data-corrected petitioner sms',
      'petitioner.personal-data-corrected petitioner email',
    ]);
    expect(decided('refused')).toEqual([
      'petitioner.personal-data-refused petitioner sms',
      'petitioner.personal-data-refused petitioner email',
    ]);
    expect(decided('deleted')).toEqual([
      'petitioner.personal-data-deleted petitioner sms',
      'petitioner.personal-data-deleted petitioner email',
    ]);
  });

  it('tells the supervising bureaus over the division of an early warning only when they may see every case it counts', () => {
    const alert = (facts: CaseVisibilityFacts[]): PlannedEvent => ({
      type: 'alert.early-warning',
      payload: { divisionCode: TOWN },
      alertCases: facts,
    });
    expect(recipients(alert([CLAIM]))).toEqual([
      `unit.early-warning ${U.countyBureau} in-app`,
      `unit.early-warning ${U.townOffice} in-app`,
    ]);
    expect(recipients(alert([CLAIM, ACCUSATION]))).toEqual([`unit.early-warning ${U.countyBureau} in-app`]);
  });

  it('tells the ordered unit’s clerks and head of a 催办, in-app, by its webhook and its mailbox; the accused township never', () => {
    const reminded = (unitId: string, facts: CaseVisibilityFacts) =>
      event('case.supervision-order-reminded', { orderId: 'o-1', unitId, byUnitId: U.countyBureau, reminderId: 'r-1' }, facts);
    expect(
      planNotices(DEFAULT_NOTICE_RULES.rules, reminded(U.hrss, CLAIM), directory).map((n) => [
        n.rule.kind,
        n.recipient,
        n.channel,
        n.rule.urgent,
      ]),
    ).toEqual([
      ['unit.supervision-reminder', { kind: 'unit', unitId: U.hrss, roles: ['clerk', 'head'] }, 'in-app', true],
      ['unit.supervision-reminder', { kind: 'unit', unitId: U.hrss, roles: ['clerk', 'head'] }, 'webhook', true],
      ['unit.supervision-reminder', { kind: 'unit', unitId: U.hrss, roles: ['clerk', 'head'] }, 'email', true],
    ]);
    expect(recipients(reminded(U.town, ACCUSATION))).toEqual([]);
  });

  it('tells the flagged staff member’s unit head, in-app, only when the unit may see every case the flag counts', () => {
    const flag = (facts: CaseVisibilityFacts[], unitId = U.hrss): PlannedEvent => ({
      type: 'evaluation.staff-flagged',
      payload: { unitId, staffId: 's-1', streak: 2 },
      alertCases: facts,
    });
    expect(
      planNotices(DEFAULT_NOTICE_RULES.rules, flag([CLAIM, CLAIM]), directory).map((n) => [n.rule.kind, n.recipient, n.channel]),
    ).toEqual([['unit.staff-flagged', { kind: 'unit', unitId: U.hrss, roles: ['head'] }, 'in-app']]);
    // The accused township is never told of the accusation, a staff flag included.
    expect(recipients(flag([CLAIM, ACCUSATION], U.town))).toEqual([]);
    expect(recipients(flag([]))).toEqual([]);
  });

  it('has a zh-CN template for every notice kind of the table', () => {
    const missing = [...new Set(DEFAULT_NOTICE_RULES.rules.map((r) => r.kind))].filter((k) => !NOTICE_TEMPLATES[k]);
    expect(missing).toEqual([]);
  });
});
