export * from './catalog';
export * from './envelope';
export * from './events/shared-refs.event';
export * from './topics';
export * from './validate';
export * from './vocabulary/codes';
// intake
export * from './events/petition-corrected.event';
export * from './events/petition-merged.event';
export * from './events/petition-personal-data-request.event';
export * from './events/petition-rated.event';
export * from './events/petition-registered.event';
export * from './events/petition-review-requested.event';
export * from './events/petition-withdrawn.event';
// routing
export * from './events/case-acceptance.event';
export * from './events/case-assignment-report-submitted.event';
export * from './events/case-assist.event';
export * from './events/case-closed.event';
export * from './events/case-dispatched.event';
export * from './events/case-extension.event';
export * from './events/case-handling.event';
export * from './events/case-manual-dispatch-required.event';
export * from './events/case-objection.event';
export * from './events/case-replied.event';
export * from './events/case-reply-served.event';
export * from './events/case-signed.event';
export * from './events/case-stage-opened.event';
// supervision
export * from './events/case-clock.event';
export * from './events/case-escalation.event';
export * from './events/case-leader-backlog.event';
export * from './events/case-supervision-order.event';
// notification
export * from './events/case-notice.event';
// org directory
export * from './events/org-unit-snapshot.event';
// reference data
export * from './events/reference-data.event';
// alerts
export * from './events/alert-early-warning.event';
// evaluation
export * from './events/evaluation.event';
