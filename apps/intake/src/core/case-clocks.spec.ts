import type { PayloadOf } from '@sunshine/contracts';
import { fold, type EvolvableEvent } from '@sunshine/domain';
import { citizenClocks, handlingDeadline, ratingWindow, reviewRequestWindow } from './case-clocks';

const BUREAU = '410726000000:petition-bureau';
const DEPT = '410726000000:dept-hrss';
let seq = 0;
const ev = (type: string, payload: unknown, occurredAt: string): EvolvableEvent => ({ id: `e${++seq}`, type, version: 1, occurredAt, caseId: 'c', payload });

const registered: PayloadOf<'petition.registered'> = {
  caseNumber: '410726-2025-000001', channel: 'letter', form: { kind: 'individual' }, type: 'claim', category: 'labour',
  placeCode: '410726101000', receivingUnitId: BUREAU, receivedAt: '2025-03-02T01:00:00.000Z', registeredAt: '2025-03-03T01:00:00.000Z',
  petitionerRef: '0190a6b2-7c3e-7a1b-8c2d-0000000000bb', flags: { skipLevel: false, confidential: false, lawsuit: false }, attachmentCount: 0,
};
const steps = [
  ev('petition.registered', registered, '2025-03-03T01:00:00.000Z'),
  ev('case.dispatched', { stage: 'original', fromUnitId: BUREAU, toUnitId: DEPT, mode: 'assign', rule: { id: 'r', version: 1 }, reasons: ['x'], hop: 1 }, '2025-03-04T01:00:00.000Z'),
  ev('case.accepted', { unitId: DEPT, claimRoute: 'petition' }, '2025-03-05T01:00:00.000Z'),
  ev('case.replied', { unitId: DEPT, stage: 'original', outcome: 'supported', replyDocumentRef: 'routing:reply:1', approvedBy: 'h' }, '2025-04-01T01:00:00.000Z'),
  ev('case.reply-served', { unitId: DEPT, servedAt: '2025-04-02T01:00:00.000Z', method: 'post' }, '2025-04-02T01:00:00.000Z'),
];
const upTo = (n: number) => fold(steps.slice(0, n)).state;

describe('case clocks for the petitioner', () => {
  it('runs the dispatch clock from receipt, then acceptance from dispatch, then handling from acceptance (Art 22, 23, 34)', () => {
    expect(citizenClocks(upTo(1)).map((c) => [c.kind, c.startAt])).toEqual([['dispatch', registered.receivedAt]]);
    expect(citizenClocks(upTo(2)).map((c) => c.kind)).toEqual(['acceptance']);
    const handling = citizenClocks(upTo(3));
    expect(handling.map((c) => c.kind)).toEqual(['handling']);
    // 60 days from 2025-03-05 (Shanghai) fall on 2025-05-04, inside the Labour Day holiday: the period ends on 05-06.
    expect(handling[0]?.lastDay).toBe('2025-05-06');
    expect(handlingDeadline(upTo(3))?.lastDay).toBe('2025-05-06');
  });

  it('opens the rating and review windows when the reply is served, 30 days each (Art 35), moved off the holiday', () => {
    const served = upTo(5);
    expect(citizenClocks(served).map((c) => c.kind).sort()).toEqual(['rating-window', 'review-request-window']);
    expect(ratingWindow(served, 'original')?.lastDay).toBe('2025-05-06');
    expect(reviewRequestWindow(served)).toMatchObject({ kind: 'review-request-window', lastDay: '2025-05-06', article: '《信访工作条例》第35条' });
    expect(ratingWindow(upTo(4), 'original')).toBeNull();
    expect(reviewRequestWindow(upTo(4))).toBeNull();
  });

  it('after the review stage’s reply, runs the review clock from the request and opens the re-review window (Art 36)', () => {
    const CITY = '410700000000:dept-hrss';
    const review = [
      ...steps,
      ev('petition.review-requested', { stage: 'review', requestedAt: '2025-04-10T01:00:00.000Z' }, '2025-04-10T01:00:00.000Z'),
      ev('case.stage-opened', { stage: 'review', unitId: CITY, fromUnitId: DEPT }, '2025-04-11T01:00:00.000Z'),
    ];
    expect(citizenClocks(fold(review).state).map((c) => [c.kind, c.startAt])).toEqual([
      ['acceptance', '2025-04-11T01:00:00.000Z'],
      ['review-handling', '2025-04-10T01:00:00.000Z'],
    ]);
    const answered = fold([
      ...review,
      ev('case.accepted', { unitId: CITY, claimRoute: 'petition' }, '2025-04-12T01:00:00.000Z'),
      ev('case.replied', { unitId: CITY, stage: 'review', outcome: 'explained', replyDocumentRef: 'routing:reply:2', approvedBy: 'h' }, '2025-05-08T01:00:00.000Z'),
      ev('case.reply-served', { unitId: CITY, servedAt: '2025-05-09T01:00:00.000Z', method: 'post' }, '2025-05-09T01:00:00.000Z'),
    ]).state;
    expect(reviewRequestWindow(answered)).toMatchObject({ kind: 're-review-request-window', article: '《信访工作条例》第36条', lastDay: '2025-06-09' });
    expect(ratingWindow(answered, 'review')?.kind).toBe('rating-window');
  });
});

