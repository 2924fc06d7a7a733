import type { AnyCaseEvent, CaseLogEventType, PayloadOf } from '@sunshine/contracts';

import { newEvent } from '../messaging/event-factory';
import { countsForRevision } from './case-replica.store';

const CASE_ID = '01890a5d-ac96-774b-bcce-b302099a8057';
const COUNTY_BUREAU = '410726000000:petition-bureau';
const HRSS = '410726000000:dept-hrss';
const AT = '2026-03-02T01:30:00.000Z';

function event<T extends CaseLogEventType>(type: T, payload: PayloadOf<T>): AnyCaseEvent {
  return newEvent(type, payload, {
    caseId: CASE_ID,
    occurredAt: new Date(AT),
    jurisdiction: { place: ['410700000000', '410726000000'], unit: ['410700000000', '410726000000'] },
    actor: { kind: 'system', id: 'spec' },
  }) as AnyCaseEvent;
}

const registered = event('petition.registered', {
  caseNumber: '410726-2026-000001',
  channel: 'visit',
  form: { kind: 'individual' },
  type: 'claim',
  category: 'labour',
  placeCode: '410726101000',
  receivingUnitId: COUNTY_BUREAU,
  receivedAt: AT,
  registeredAt: AT,
  petitionerRef: '01890a5d-ac96-774b-bcce-b302099a8058',
  flags: { skipLevel: false, confidential: false, lawsuit: false },
  attachmentCount: 0,
});
const dispatched = event('case.dispatched', {
  stage: 'original',
  fromUnitId: COUNTY_BUREAU,
  toUnitId: HRSS,
  mode: 'assign',
  rule: { id: 'territory-competence-level', version: 1 },
  reasons: ['属地：延津县；主管：人社局（劳资纠纷）'],
  hop: 1,
});
const warned = event('case.deadline-warning', {
  clock: 'handling',
  stage: 'original',
  unitId: HRSS,
  dueAt: '2026-04-01T16:00:00.000Z',
  article: '《信访工作条例》第34条',
});
const leader = event('case.leader-assigned', { leaderRef: 'leader-1', unitId: HRSS });
const delivered = event('case.notice-delivered', {
  noticeId: '01890a5d-ac96-774b-bcce-b302099a8059',
  kind: 'receipt',
  channel: 'sms',
  attempt: 1,
  unitId: COUNTY_BUREAU,
  deliveredAt: AT,
});

// The revision a clerk acts on (If-Match) moves with the facts intake and routing record, never with supervision's
// warnings or notification's receipts: a deadline warning arriving between a read and a write must not fail the write.
describe('countsForRevision (the case replica’s revision rule)', () => {
  it('counts intake’s and routing’s events', () => {
    expect([registered, dispatched].map(countsForRevision)).toEqual([true, true]);
  });

  it('does not count supervision’s warnings and assignments or notification’s receipts', () => {
    expect([warned, leader, delivered].map(countsForRevision)).toEqual([false, false, false]);
  });

  it('goes by the catalogue’s producer of the type, not the producer the event claims', () => {
    expect(countsForRevision({ ...warned, producer: 'routing' })).toBe(false);
    expect(countsForRevision({ ...dispatched, producer: 'supervision' })).toBe(true);
  });

  it('does not count a type this build does not know (a newer producer’s event)', () => {
    expect(countsForRevision({ ...dispatched, type: 'case.reassessed' } as unknown as AnyCaseEvent)).toBe(false);
  });
});
