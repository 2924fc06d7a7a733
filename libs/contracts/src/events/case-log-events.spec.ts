import { type CaseLogEventType, EventCatalog, isCaseLogEventType } from '../catalog';
import { assertValidEvent, decodeEvent } from '../validate';
import { caseNotAcceptedV1 } from './case-acceptance.event';
import { caseExtensionRequestedV1, MAX_EXTENSION_DAYS } from './case-extension.event';
import { caseRepliedV1 } from './case-replied.event';
import { petitionCorrectedV1 } from './petition-corrected.event';
import { petitionRegisteredV1 } from './petition-registered.event';

/** The case-log events of EVENTS.md (the founders' catalogue): each one must have a schema. */
const fromEventsMd = [
  'petition.registered',
  'petition.corrected',
  'petition.merged',
  'petition.review-requested',
  'petition.rated',
  'petition.withdrawn',
  'petition.personal-data-request-decided',
  'case.dispatched',
  'case.manual-dispatch-required',
  'case.signed',
  'case.handler-assigned',
  'case.accepted',
  'case.not-accepted',
  'case.objection-raised',
  'case.objection-approved',
  'case.objection-rejected',
  'case.assisting-unit-added',
  'case.assist-contributed',
  'case.handling-started',
  'case.hearing-started',
  'case.hearing-ended',
  'case.extension-requested',
  'case.extension-approved',
  'case.extension-rejected',
  'case.assignment-report-submitted',
  'case.replied',
  'case.reply-served',
  'case.stage-opened',
  'case.closed',
  'case.finalized',
  'case.deadline-warning',
  'case.overdue',
  'case.window-expired',
  'case.supervision-order-issued',
  'case.supervision-order-answered',
  'case.supervision-order-reminded',
  'case.escalated',
  'case.leader-assigned',
  'case.backlog-registered',
  'case.backlog-cleared',
  'case.reported-up',
  'case.notice-delivered',
  'case.notice-failed',
];

const DEPT = '410726000000:dept-hrss';

function envelope(type: CaseLogEventType, payload: unknown) {
  return {
    id: '0190a6b2-7c3e-7a1b-8c2d-000000000001',
    type,
    version: 1,
    occurredAt: '2025-03-03T01:00:00.000Z',
    producer: EventCatalog[type].producer,
    caseId: '0190a6b2-7c3e-7a1b-8c2d-000000000002',
    jurisdiction: { place: ['410700000000'], unit: ['410700000000'] },
    actor: { kind: 'staff' as const, id: 'staff-1', unitId: DEPT },
    correlationId: 'c-1',
    causationId: null,
    payload,
  };
}

describe('the case-log events', () => {
  it('has a version-1 schema on the case log for every event of EVENTS.md', () => {
    const caseLog = Object.keys(EventCatalog).filter(isCaseLogEventType);
    expect([...caseLog].sort()).toEqual([...fromEventsMd].sort());
    for (const type of caseLog) expect(EventCatalog[type].version).toBe(1);
  });

  it('names the producer that owns each fact', () => {
    expect(EventCatalog['petition.rated'].producer).toBe('intake');
    expect(EventCatalog['case.replied'].producer).toBe('routing');
    expect(EventCatalog['case.window-expired'].producer).toBe('supervision');
    expect(EventCatalog['case.notice-delivered'].producer).toBe('notification');
  });

  it('validates a reply on produce and decodes it on consume', () => {
    const payload = {
      unitId: DEPT,
      stage: 'original',
      outcome: 'not-supported',
      replyDocumentRef: 'routing:reply:1',
      approvedBy: 'head-1',
    };
    const event = envelope('case.replied', payload);
    expect(() => assertValidEvent(event as Parameters<typeof assertValidEvent>[0])).not.toThrow();
    expect(decodeEvent(event)).toMatchObject({ kind: 'event', event: { payload } });
  });

  it('requires the head who approved a reply (审签)', () => {
    const reply = { unitId: DEPT, stage: 'original', outcome: 'supported', replyDocumentRef: 'routing:reply:1' };
    expect(caseRepliedV1.safeParse(reply).success).toBe(false);
    expect(caseRepliedV1.safeParse({ ...reply, approvedBy: '' }).success).toBe(false);
    expect(caseRepliedV1.safeParse({ ...reply, outcome: 'maybe', approvedBy: 'h' }).success).toBe(false);
  });

  it(`caps an extension at ${MAX_EXTENSION_DAYS} days (Art 34)`, () => {
    const request = { unitId: DEPT, reason: { code: 'complex' } };
    expect(caseExtensionRequestedV1.safeParse({ ...request, days: 30 }).success).toBe(true);
    expect(caseExtensionRequestedV1.safeParse({ ...request, days: 31 }).success).toBe(false);
    expect(caseExtensionRequestedV1.safeParse({ ...request, days: 0 }).success).toBe(false);
  });

  it('keeps reasons to a code and at most 200 characters, with the proper channel', () => {
    const notAccepted = { unitId: DEPT, properChannel: 'litigation' };
    expect(caseNotAcceptedV1.safeParse({ ...notAccepted, reason: { code: 'other', text: '字'.repeat(200) } }).success).toBe(true);
    expect(caseNotAcceptedV1.safeParse({ ...notAccepted, reason: { code: 'other', text: '字'.repeat(201) } }).success).toBe(false);
    expect(caseNotAcceptedV1.safeParse({ unitId: DEPT, reason: { code: 'other' } }).success).toBe(false);
  });

  it('drops personal data a producer tries to add (facts only)', () => {
    const parsed = petitionCorrectedV1.parse({
      changes: { category: 'labour', petitionerName: '张三' },
      reason: { code: 'clerical-error' },
      phone: '13800000000',
    });
    expect(parsed).toEqual({ changes: { category: 'labour' }, reason: { code: 'clerical-error' } });
  });

  it('refuses a correction that changes nothing', () => {
    expect(petitionCorrectedV1.safeParse({ changes: {}, reason: { code: 'x' } }).success).toBe(false);
  });

  it('keeps the registered shape: at most 5 representatives (Art 20)', () => {
    const form = petitionRegisteredV1.shape.form;
    expect(form.safeParse({ kind: 'collective', headCount: 30, representatives: 5 }).success).toBe(true);
    expect(form.safeParse({ kind: 'collective', headCount: 30, representatives: 6 }).success).toBe(false);
  });
});
