import type { AnyCaseEvent } from '@sunshine/contracts';
import { type CaseState, initialCaseState } from '@sunshine/domain';

import { upstreamKind, upstreamLane, upstreamMessage } from './upstream-message';

const BUREAU = '410726000000:petition-bureau';
const CITY_BUREAU = '410700000000:petition-bureau';
const HRSS = '410726000000:dept-hrss';
const envelope = {
  id: '0193a1b2-0000-7000-8000-000000000001',
  version: 1,
  occurredAt: '2026-12-01T02:00:00.000Z',
  producer: 'routing',
  caseId: '0193a1b2-0000-7000-8000-0000000000aa',
  jurisdiction: { place: [], unit: [] },
  actor: { kind: 'staff', id: 'head-1' },
  correlationId: '0193a1b2-0000-7000-8000-0000000000cc',
  causationId: null,
};
const registered: CaseState = {
  ...initialCaseState('0193a1b2-0000-7000-8000-0000000000aa'),
  caseNumber: 'XF410726-20261201-0007',
  status: 'registered',
  channel: 'visit',
  type: 'claim',
  category: 'labour',
  placeCode: '410726101000',
  receivingUnitId: BUREAU,
  registeredAt: '2026-12-01T01:00:00.000Z',
};
const event = (type: string, payload: unknown) => ({ ...envelope, type, payload }) as AnyCaseEvent;

describe('upstream change stream messages', () => {
  it('reports the registration and a change of status, not an event that leaves the status as it was', () => {
    const signed = { ...registered, status: 'signed', holdingUnitId: HRSS } as CaseState;
    expect(upstreamKind({ event: event('petition.registered', {}), before: initialCaseState(), after: registered })).toBe('registered');
    expect(upstreamKind({ event: event('case.signed', { unitId: HRSS }), before: registered, after: signed })).toBe('status-changed');
    expect(upstreamKind({ event: event('case.escalated', {}), before: signed, after: signed })).toBeNull();
  });

  it('never reports a confidential case (an accusation), nor one not registered yet', () => {
    const accusation = { ...registered, flags: { ...registered.flags, confidential: true } };
    expect(upstreamKind({ event: event('petition.registered', {}), before: initialCaseState(), after: accusation })).toBeNull();
    expect(upstreamKind({ event: event('case.dispatched', {}), before: initialCaseState(), after: initialCaseState() })).toBeNull();
  });

  it('tells a status change by codes, labels and units, numbered within the case', () => {
    const dispatched = { ...registered, status: 'dispatched', holdingUnitId: HRSS } as CaseState;
    const change = { event: event('case.dispatched', {}), before: registered, after: dispatched };
    expect(upstreamMessage(change, 'status-changed', 2)).toEqual({
      messageId: '0193a1b2-0000-7000-8000-000000000001',
      caseNumber: 'XF410726-20261201-0007',
      sequence: 2,
      kind: 'status-changed',
      kindLabel: '状态变更',
      eventType: 'case.dispatched',
      occurredAt: '2026-12-01T02:00:00.000Z',
      status: 'dispatched',
      statusLabel: '已转送/交办',
      stage: 'original',
      unitId: HRSS,
      receivingUnitId: BUREAU,
      registeredAt: '2026-12-01T01:00:00.000Z',
      channel: 'visit',
      type: 'claim',
      category: 'labour',
      placeCode: '410726101000',
      urgent: false,
    });
    expect(upstreamLane(dispatched)).toBe('normal');
  });

  it('reports a major or urgent matter (Art 25) in the urgent lane with the reason’s code only', () => {
    const reportedUp = { ...registered, flags: { ...registered.flags, reportedUp: true } };
    const change = {
      event: event('case.reported-up', {
        unitId: BUREAU,
        toUnitIds: [CITY_BUREAU],
        kind: 'urgent',
        reason: { code: 'mass-incident', text: '张三等人聚集' },
      }),
      before: registered,
      after: reportedUp,
    };
    expect(upstreamKind(change)).toBe('reported-up');
    expect(upstreamLane(reportedUp)).toBe('urgent');
    const message = upstreamMessage(change, 'reported-up', 2);
    expect(message).toMatchObject({
      kind: 'reported-up',
      kindLabel: '重大紧急事项报告',
      status: 'registered',
      statusLabel: '已登记',
      unitId: BUREAU,
      urgent: true,
      urgency: { kind: 'urgent', kindLabel: '紧急', reportedBy: BUREAU, toUnitIds: [CITY_BUREAU], reasonCode: 'mass-incident' },
    });
    expect(JSON.stringify(message)).not.toContain('张三');
  });
});
