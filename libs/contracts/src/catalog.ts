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
import { caseRepliedV1 } from './events/case-replied.event';
import { caseReplyServedV1 } from './events/case-reply-served.event';
import { caseHandlerAssignedV1, caseSignedV1 } from './events/case-signed.event';
import { caseStageOpenedV1 } from './events/case-stage-opened.event';
import {
  caseSupervisionOrderAnsweredV1,
  caseSupervisionOrderIssuedV1,
  caseSupervisionOrderRemindedV1,
} from './events/case-supervision-order.event';
import { evaluationRankingPublishedV1, evaluationReportReadyV1, evaluationStaffFlaggedV1 } from './events/evaluation.event';
import { orgUnitSnapshotV1 } from './events/org-unit-snapshot.event';
import { petitionCorrectedV1 } from './events/petition-corrected.event';
import { petitionMergedV1 } from './events/petition-merged.event';
import { petitionPersonalDataRequestDecidedV1 } from './events/petition-personal-data-request.event';
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
import { type TopicName, Topics } from './topics';

export type ProducerName = 'intake' | 'routing' | 'supervision' | 'notification' | 'evaluation';

export interface EventDefinition {
  /** The current payload schema version; consumers skip newer ones (rolling deploys). */
  readonly version: number;
  readonly topic: TopicName;
  readonly producer: ProducerName;
  readonly payload: z.ZodType;
}

/** The version-1 definitions of the events `producer` publishes on `topic`, by event type. */
type Published<P extends ProducerName, T extends TopicName, M> = {
  readonly [K in keyof M]: { readonly version: 1; readonly topic: T; readonly producer: P; readonly payload: M[K] };
};

/** One version-1 definition per event type: `payloads` maps each type `producer` publishes on `topic` to its schema. */
function publishes<const P extends ProducerName, const T extends TopicName, const M extends Record<string, z.ZodType>>(
  producer: P,
  topic: T,
  payloads: M,
): Published<P, T, M> {
  const definitions = Object.entries(payloads).map(([type, payload]) => [type, { version: 1, topic, producer, payload }]);
  return Object.fromEntries(definitions) as Published<P, T, M>;
}

/**
 * Every event type of the platform with its current version, topic, owner and payload schema, in a stable order (the
 * AsyncAPI document follows it). Names never change once shipped; a changed payload gets a new version (then write
 * that one definition out beside its group).
 */
export const EventCatalog = {
  ...publishes('intake', Topics.caseLog, {
    'petition.registered': petitionRegisteredV1,
    'petition.corrected': petitionCorrectedV1,
    'petition.merged': petitionMergedV1,
    'petition.review-requested': petitionReviewRequestedV1,
    'petition.rated': petitionRatedV1,
    'petition.withdrawn': petitionWithdrawnV1,
    'petition.personal-data-request-decided': petitionPersonalDataRequestDecidedV1,
  }),
  // the lifecycle transitions
  ...publishes('routing', Topics.caseLog, {
    'case.dispatched': caseDispatchedV1,
    'case.manual-dispatch-required': caseManualDispatchRequiredV1,
    'case.signed': caseSignedV1,
    'case.handler-assigned': caseHandlerAssignedV1,
    'case.accepted': caseAcceptedV1,
    'case.not-accepted': caseNotAcceptedV1,
    'case.objection-raised': caseObjectionRaisedV1,
    'case.objection-approved': caseObjectionApprovedV1,
    'case.objection-rejected': caseObjectionRejectedV1,
    'case.assisting-unit-added': caseAssistingUnitAddedV1,
    'case.assist-contributed': caseAssistContributedV1,
    'case.handling-started': caseHandlingStartedV1,
    'case.hearing-started': caseHearingStartedV1,
    'case.hearing-ended': caseHearingEndedV1,
    'case.extension-requested': caseExtensionRequestedV1,
    'case.extension-approved': caseExtensionApprovedV1,
    'case.extension-rejected': caseExtensionRejectedV1,
    'case.assignment-report-submitted': caseAssignmentReportSubmittedV1,
    'case.replied': caseRepliedV1,
    'case.reply-served': caseReplyServedV1,
    'case.stage-opened': caseStageOpenedV1,
    'case.closed': caseClosedV1,
    'case.finalized': caseFinalizedV1,
  }),
  // every clock, orders, escalation
  ...publishes('supervision', Topics.caseLog, {
    'case.deadline-warning': caseDeadlineWarningV1,
    'case.overdue': caseOverdueV1,
    'case.window-expired': caseWindowExpiredV1,
    'case.supervision-order-issued': caseSupervisionOrderIssuedV1,
    'case.supervision-order-answered': caseSupervisionOrderAnsweredV1,
    'case.supervision-order-reminded': caseSupervisionOrderRemindedV1,
    'case.escalated': caseEscalatedV1,
    'case.leader-assigned': caseLeaderAssignedV1,
    'case.backlog-registered': caseBacklogRegisteredV1,
    'case.backlog-cleared': caseBacklogClearedV1,
    'case.reported-up': caseReportedUpV1,
  }),
  ...publishes('notification', Topics.caseLog, {
    'case.notice-delivered': caseNoticeDeliveredV1,
    'case.notice-failed': caseNoticeFailedV1,
  }),
  ...publishes('routing', Topics.orgDirectory, { 'org.unit-snapshot': orgUnitSnapshotV1 }),
  // reference data (compacted, keyed `<kind>:<id>`, full snapshots with a revision)
  ...publishes('supervision', Topics.referenceData, {
    'reference.calendar-year': referenceCalendarYearV1,
    'reference.deadline-policy': referenceDeadlinePolicyV1,
  }),
  ...publishes('routing', Topics.referenceData, {
    'reference.routing-rule-set': referenceRoutingRuleSetV1,
    'reference.category-table': referenceCategoryTableV1,
  }),
  // alerts (keyed by division code)
  ...publishes('supervision', Topics.alerts, { 'alert.early-warning': alertEarlyWarningV1 }),
  // evaluation (keyed by unit id or division code): for notification to deliver
  ...publishes('evaluation', Topics.evaluation, {
    'evaluation.staff-flagged': evaluationStaffFlaggedV1,
    'evaluation.ranking-published': evaluationRankingPublishedV1,
    'evaluation.report-ready': evaluationReportReadyV1,
  }),
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
