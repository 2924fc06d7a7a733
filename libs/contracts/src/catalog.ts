import type { z } from 'zod';
import type { Envelope } from './envelope';
import { alertEarlyWarningV1 } from './events/alert-early-warning.event';
import { caseAcceptedV1, caseNotAcceptedV1 } from './events/case-acceptance.event';
import { caseAssignmentReportSubmittedV1 } from './events/case-assignment-report-submitted.event';
import { caseAssistContributedV1, caseAssistingUnitAddedV1 } from './events/case-assist.event';
import { caseDeadlineWarningV1, caseOverdueV1, caseWindowExpiredV1 } from './events/case-clock.event';
import { caseClosedV1, caseFinalizedV1 } from './events/case-closed.event';
import { caseDispatchedV1 } from './events/case-dispatched.event';
import { caseEscalatedV1, caseReportedUpV1 } from './events/case-escalation.event';
import { caseExtensionApprovedV1, caseExtensionRejectedV1, caseExtensionRequestedV1 } from './events/case-extension.event';
import { caseHandlingStartedV1, caseHearingEndedV1, caseHearingStartedV1 } from './events/case-handling.event';
import { caseBacklogClearedV1, caseBacklogRegisteredV1, caseLeaderAssignedV1 } from './events/case-leader-backlog.event';
import { caseManualDispatchRequiredV1 } from './events/case-manual-dispatch-required.event';
import { caseNoticeDeliveredV1, caseNoticeFailedV1 } from './events/case-notice.event';
import { caseObjectionApprovedV1, caseObjectionRaisedV1, caseObjectionRejectedV1 } from './events/case-objection.event';
import { caseReplyServedV1 } from './events/case-reply-served.event';
import { caseRepliedV1 } from './events/case-replied.event';
import { caseHandlerAssignedV1, caseSignedV1 } from './events/case-signed.event';
import { caseStageOpenedV1 } from './events/case-stage-opened.event';
import { caseSupervisionOrderAnsweredV1, caseSupervisionOrderIssuedV1 } from './events/case-supervision-order.event';
import { orgUnitSnapshotV1 } from './events/org-unit-snapshot.event';
import { petitionCorrectedV1 } from './events/petition-corrected.event';
import { petitionMergedV1 } from './events/petition-merged.event';
import { petitionRatedV1 } from './events/petition-rated.event';
import { petitionRegisteredV1 } from './events/petition-registered.event';
import { petitionReviewRequestedV1 } from './events/petition-review-requested.event';
import { petitionWithdrawnV1 } from './events/petition-withdrawn.event';
import {
  referenceCalendarYearV1,
  referenceCategoryTableV1,
  referenceDeadlinePolicyV1,
  referenceRoutingRuleSetV1,
} from './events/reference-data.event';
import { Topics, type TopicName } from './topics';

export type ProducerName = 'intake' | 'routing' | 'supervision' | 'notification' | 'evaluation';

export interface EventDefinition {
  /** The current payload schema version; consumers skip newer ones (rolling deploys). */
  readonly version: number;
  readonly topic: TopicName;
  readonly producer: ProducerName;
  readonly payload: z.ZodType;
}

const caseLog = Topics.caseLog;

/**
 * Every event type of the platform with its current version, topic, owner and payload schema.
 * Names never change once shipped; a changed payload gets a new version.
 */
export const EventCatalog = {
  // intake
  'petition.registered': { version: 1, topic: caseLog, producer: 'intake', payload: petitionRegisteredV1 },
  'petition.corrected': { version: 1, topic: caseLog, producer: 'intake', payload: petitionCorrectedV1 },
  'petition.merged': { version: 1, topic: caseLog, producer: 'intake', payload: petitionMergedV1 },
  'petition.review-requested': { version: 1, topic: caseLog, producer: 'intake', payload: petitionReviewRequestedV1 },
  'petition.rated': { version: 1, topic: caseLog, producer: 'intake', payload: petitionRatedV1 },
  'petition.withdrawn': { version: 1, topic: caseLog, producer: 'intake', payload: petitionWithdrawnV1 },
  // routing: the lifecycle transitions
  'case.dispatched': { version: 1, topic: caseLog, producer: 'routing', payload: caseDispatchedV1 },
  'case.manual-dispatch-required': {
    version: 1,
    topic: caseLog,
    producer: 'routing',
    payload: caseManualDispatchRequiredV1,
  },
  'case.signed': { version: 1, topic: caseLog, producer: 'routing', payload: caseSignedV1 },
  'case.handler-assigned': { version: 1, topic: caseLog, producer: 'routing', payload: caseHandlerAssignedV1 },
  'case.accepted': { version: 1, topic: caseLog, producer: 'routing', payload: caseAcceptedV1 },
  'case.not-accepted': { version: 1, topic: caseLog, producer: 'routing', payload: caseNotAcceptedV1 },
  'case.objection-raised': { version: 1, topic: caseLog, producer: 'routing', payload: caseObjectionRaisedV1 },
  'case.objection-approved': { version: 1, topic: caseLog, producer: 'routing', payload: caseObjectionApprovedV1 },
  'case.objection-rejected': { version: 1, topic: caseLog, producer: 'routing', payload: caseObjectionRejectedV1 },
  'case.assisting-unit-added': { version: 1, topic: caseLog, producer: 'routing', payload: caseAssistingUnitAddedV1 },
  'case.assist-contributed': { version: 1, topic: caseLog, producer: 'routing', payload: caseAssistContributedV1 },
  'case.handling-started': { version: 1, topic: caseLog, producer: 'routing', payload: caseHandlingStartedV1 },
  'case.hearing-started': { version: 1, topic: caseLog, producer: 'routing', payload: caseHearingStartedV1 },
  'case.hearing-ended': { version: 1, topic: caseLog, producer: 'routing', payload: caseHearingEndedV1 },
  'case.extension-requested': { version: 1, topic: caseLog, producer: 'routing', payload: caseExtensionRequestedV1 },
  'case.extension-approved': { version: 1, topic: caseLog, producer: 'routing', payload: caseExtensionApprovedV1 },
  'case.extension-rejected': { version: 1, topic: caseLog, producer: 'routing', payload: caseExtensionRejectedV1 },
  'case.assignment-report-submitted': {
    version: 1,
    topic: caseLog,
    producer: 'routing',
    payload: caseAssignmentReportSubmittedV1,
  },
  'case.replied': { version: 1, topic: caseLog, producer: 'routing', payload: caseRepliedV1 },
  'case.reply-served': { version: 1, topic: caseLog, producer: 'routing', payload: caseReplyServedV1 },
  'case.stage-opened': { version: 1, topic: caseLog, producer: 'routing', payload: caseStageOpenedV1 },
  'case.closed': { version: 1, topic: caseLog, producer: 'routing', payload: caseClosedV1 },
  'case.finalized': { version: 1, topic: caseLog, producer: 'routing', payload: caseFinalizedV1 },
  // supervision: every clock, orders, escalation
  'case.deadline-warning': { version: 1, topic: caseLog, producer: 'supervision', payload: caseDeadlineWarningV1 },
  'case.overdue': { version: 1, topic: caseLog, producer: 'supervision', payload: caseOverdueV1 },
  'case.window-expired': { version: 1, topic: caseLog, producer: 'supervision', payload: caseWindowExpiredV1 },
  'case.supervision-order-issued': {
    version: 1,
    topic: caseLog,
    producer: 'supervision',
    payload: caseSupervisionOrderIssuedV1,
  },
  'case.supervision-order-answered': {
    version: 1,
    topic: caseLog,
    producer: 'supervision',
    payload: caseSupervisionOrderAnsweredV1,
  },
  'case.escalated': { version: 1, topic: caseLog, producer: 'supervision', payload: caseEscalatedV1 },
  'case.leader-assigned': { version: 1, topic: caseLog, producer: 'supervision', payload: caseLeaderAssignedV1 },
  'case.backlog-registered': { version: 1, topic: caseLog, producer: 'supervision', payload: caseBacklogRegisteredV1 },
  'case.backlog-cleared': { version: 1, topic: caseLog, producer: 'supervision', payload: caseBacklogClearedV1 },
  'case.reported-up': { version: 1, topic: caseLog, producer: 'supervision', payload: caseReportedUpV1 },
  // notification
  'case.notice-delivered': { version: 1, topic: caseLog, producer: 'notification', payload: caseNoticeDeliveredV1 },
  'case.notice-failed': { version: 1, topic: caseLog, producer: 'notification', payload: caseNoticeFailedV1 },
  // org directory
  'org.unit-snapshot': { version: 1, topic: Topics.orgDirectory, producer: 'routing', payload: orgUnitSnapshotV1 },
  // reference data (compacted, keyed `<kind>:<id>`, full snapshots with a revision)
  'reference.calendar-year': { version: 1, topic: Topics.referenceData, producer: 'supervision', payload: referenceCalendarYearV1 },
  'reference.deadline-policy': { version: 1, topic: Topics.referenceData, producer: 'supervision', payload: referenceDeadlinePolicyV1 },
  'reference.routing-rule-set': { version: 1, topic: Topics.referenceData, producer: 'routing', payload: referenceRoutingRuleSetV1 },
  'reference.category-table': { version: 1, topic: Topics.referenceData, producer: 'routing', payload: referenceCategoryTableV1 },
  // alerts (keyed by division code)
  'alert.early-warning': { version: 1, topic: Topics.alerts, producer: 'supervision', payload: alertEarlyWarningV1 },
} as const satisfies Record<string, EventDefinition>;

export type EventType = keyof typeof EventCatalog;
export type PayloadOf<T extends EventType> = z.infer<(typeof EventCatalog)[T]['payload']>;
export type EventOf<T extends EventType> = Envelope<T, PayloadOf<T>>;
export type AnyEvent = { [K in EventType]: EventOf<K> }[EventType];

/** The event types of the case log (一案一册): every event about one case, keyed by case id. */
export type CaseLogEventType = {
  [K in EventType]: (typeof EventCatalog)[K]['topic'] extends typeof Topics.caseLog ? K : never;
}[EventType];
export type AnyCaseEvent = { [K in CaseLogEventType]: EventOf<K> }[CaseLogEventType];

export function isEventType(type: string): type is EventType {
  return Object.prototype.hasOwnProperty.call(EventCatalog, type);
}

export function isCaseLogEventType(type: string): type is CaseLogEventType {
  return isEventType(type) && EventCatalog[type].topic === Topics.caseLog;
}
