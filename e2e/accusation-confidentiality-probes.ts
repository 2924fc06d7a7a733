import { randomUUID } from 'node:crypto';

import type { ServiceName } from '@sunshine/platform';

/**
 * Every endpoint of the five services that can reveal a case, as the accusation-confidentiality end-to-end test
 * probes it, and the endpoints that cannot (each with its reason). The test reads every service's OpenAPI document
 * and fails on an operation found in neither list: a new endpoint must be probed here before it ships.
 */

/** Ids a probe's path may name. */
export interface CaseIds {
  readonly caseId: string;
  readonly caseNumber: string;
  readonly documentId: string;
  readonly attachmentId: string;
  readonly orderId: string;
  /** The leader in charge (the discipline commission's leader who took the case). */
  readonly leaderRef: string;
}

/** The same ids for a case that does not exist: an accused unit's answer must not differ from this one's. */
export function nonexistentIds(real: CaseIds): CaseIds {
  return { ...real, caseId: randomUUID(), documentId: randomUUID(), attachmentId: randomUUID(), orderId: randomUUID() };
}

export function fill(template: string, ids: CaseIds): string {
  return template.replace(/\{(caseId|documentId|attachmentId|orderId|leaderRef)\}/g, (_, k: keyof CaseIds) => encodeURIComponent(ids[k]));
}

/** `GET /cases/{caseId}?x=1` → `GET /cases/{caseId}`: the operation as OpenAPI names it. */
export function operationOf(method: string, template: string): string {
  return `${method.toUpperCase()} ${template.split('?')[0]}`;
}

/** Detail endpoints: the accused side must get 404, exactly as for a case that does not exist. */
export const DETAIL_READS: ReadonlyArray<{ service: ServiceName; path: string }> = [
  { service: 'intake', path: '/petitions/{caseId}/dossier' },
  { service: 'intake', path: '/petitions/{caseId}/attachments/{attachmentId}' },
  { service: 'intake', path: '/petitions/{caseId}/personal-data-requests' },
  { service: 'routing', path: '/cases/{caseId}' },
  { service: 'routing', path: '/cases/{caseId}/dispatches' },
  { service: 'routing', path: '/cases/{caseId}/history' },
  { service: 'routing', path: '/cases/{caseId}/documents' },
  { service: 'routing', path: '/cases/{caseId}/documents/{documentId}' },
  { service: 'routing', path: '/cases/{caseId}/documents/{documentId}/html' },
  { service: 'routing', path: '/cases/{caseId}/reply' },
  { service: 'routing', path: '/cases/{caseId}/reply?stage=original' },
  { service: 'routing', path: '/cases/{caseId}/reply/draft' },
  { service: 'supervision', path: '/cases/{caseId}' },
];

const DISCIPLINE = encodeURIComponent('410726000000:discipline');
const ALL_CLOCK_STATUSES = 'running,paused,overdue,satisfied,ended,expired,lapsed';

/** List endpoints (every filter that could single the case out): 200 (or a refusal) without the case. */
export const LIST_READS: ReadonlyArray<{ service: ServiceName; path: string }> = [
  ...[
    '',
    'scope=territory',
    'scope=territory&type=accusation',
    'relation=assisting',
    'type=accusation',
    'status=replied',
    'holding=false',
    'scope=territory&sort=dueAt',
    'scope=territory&status=replied',
  ].map((q) => ({ service: 'routing' as const, path: `/inbox?${q}${q ? '&' : ''}limit=200` })),
  { service: 'routing', path: '/desk?limit=200' },
  ...[
    'limit=500',
    'type=accusation&limit=500',
    'division=410726101000&limit=500',
    `holdingUnitId=${DISCIPLINE}&limit=500`,
    'overdue=true&limit=500',
    'supervised=true&limit=500',
    'backlog=true&limit=500',
    'status=replied&limit=500',
    'category=other&limit=500',
    'leaderRef={leaderRef}&limit=500',
  ].map((q) => ({ service: 'supervision' as const, path: `/cases?${q}` })),
  { service: 'supervision', path: '/clocks?limit=1000' },
  { service: 'supervision', path: `/clocks?status=${ALL_CLOCK_STATUSES}&limit=1000` },
  { service: 'supervision', path: `/clocks?unitId=${DISCIPLINE}&status=${ALL_CLOCK_STATUSES}&limit=1000` },
  { service: 'supervision', path: '/alerts?limit=500' },
  { service: 'supervision', path: '/backlog' },
  { service: 'supervision', path: '/backlog?status=registered' },
  { service: 'supervision', path: '/escalations?limit=500' },
  { service: 'supervision', path: '/escalations?caseId={caseId}' },
  { service: 'supervision', path: '/supervision-orders?direction=received' },
  { service: 'supervision', path: '/supervision-orders?direction=issued' },
  { service: 'supervision', path: '/supervision-orders?direction=received&caseId={caseId}' },
  { service: 'supervision', path: '/supervision-orders?direction=issued&caseId={caseId}' },
  { service: 'supervision', path: '/supervision-orders?direction=issued&status=overdue' },
  { service: 'supervision', path: '/leader/cases' },
  // 不满意 ratings flagged to the caller's unit for review (issue 12): only its own, only of cases it may see.
  { service: 'supervision', path: '/dissatisfaction-reviews' },
  // The subjects other services' lists show (issue 12): only of cases the caller may read in full.
  { service: 'intake', path: '/petitions/subjects?caseIds={caseId}' },
  // Repeat matches reported to the caller's unit (issue 17 door 2): only its own, only of cases it may see.
  { service: 'intake', path: '/repeat-reports?limit=200' },
  // The unit's in-app notices (issue 13): a unit that may not see a case is never told of it.
  { service: 'notification', path: '/notices?limit=200' },
  { service: 'notification', path: '/notices?caseId={caseId}&limit=200' },
  { service: 'notification', path: '/notices?kind=unit.case-arrived&limit=200' },
  // The cases behind a figure (evaluation's drill-down, issue 20): only cases the caller may see (the metrics the scenario's cases enter).
  ...['volume', 'collective', 'dispatch-sent', 'dispatch-received', 'acceptance'].map((metric) => ({
    service: 'evaluation' as const,
    path: `/kpis/cases?period=year&metric=${metric}&limit=500`,
  })),
  // Staff rated 不满意 twice in a row (issue 20): each flag names its cases; only flags of units whose figures the caller may read.
  { service: 'evaluation', path: '/staff-flags' },
];

const reason = { code: 'not-our-remit', text: '经核查不属于本单位职权范围' };

/**
 * Case-scoped writes: the accused side's answer must equal the answer for a case that does not exist (a 404; never
 * a 409 or 422 that tells the case exists, never a success). `version: true` sends If-Match with the case's version.
 */
export const WRITES: ReadonlyArray<{
  service: ServiceName;
  method: string;
  path: string;
  body?: unknown;
  version?: boolean;
  multipart?: boolean;
}> = [
  ...(
    [
      ['sign', {}],
      ['handler', { handlerId: 'township-staff' }],
      ['accept', {}],
      ['not-accept', { reason, properChannel: 'competent-organ' }],
      ['close', { reason: { code: 'other' } }],
      ['finalize', {}],
      ['start-handling', {}],
      ['hearing/start', {}],
      ['hearing/end', {}],
      ['extension', { days: 10, reason }],
      ['extension/approve', {}],
      ['extension/reject', { reason }],
      ['assisting-units', { assistingUnitId: '{viewer}' }],
      ['assist-contributions', { text: '协办意见：已配合核查。' }],
      ['assignment-report', { text: '办结报告：已办理完毕。' }],
      ['objection', { reason }],
      ['objection/approve', {}],
      ['objection/reject', { reason }],
      ['dispatch', { toUnitId: '{viewer}', mode: 'assign', reason: { text: '转本单位办理' } }],
      ['reply/approve', {}],
      ['reply/serve', { method: 'post' }],
      ['require-manual-dispatch', { reason: { code: 'ambiguous-rules', text: '需人工分办' } }],
    ] as const
  ).map(([action, body]) => ({ service: 'routing' as const, method: 'POST', path: `/cases/{caseId}/${action}`, body, version: true })),
  {
    service: 'routing',
    method: 'PUT',
    path: '/cases/{caseId}/reply/draft',
    body: { outcome: 'explained', text: '经调查核实，现将有关情况答复如下。' },
  },
  { service: 'supervision', method: 'POST', path: '/cases/{caseId}/report-up', body: { kind: 'urgent', reason: { code: 'urgent' } } },
  {
    service: 'supervision',
    method: 'POST',
    path: '/cases/{caseId}/backlog',
    body: { plan: '制定化解方案，限期化解', reason: { code: 'manual' } },
  },
  { service: 'supervision', method: 'PUT', path: '/cases/{caseId}/backlog/plan', body: { plan: '更新化解方案' } },
  { service: 'supervision', method: 'POST', path: '/cases/{caseId}/leader', body: {} },
  {
    service: 'supervision',
    method: 'POST',
    path: '/cases/{caseId}/supervision-orders',
    body: { trigger: 'delay', reason: { code: 'delay' } },
  },
  { service: 'supervision', method: 'POST', path: '/supervision-orders/{orderId}/answer', body: { summary: '已按要求整改完毕' } },
  { service: 'supervision', method: 'POST', path: '/supervision-orders/{orderId}/reminders', body: {} },
  {
    service: 'intake',
    method: 'PATCH',
    path: '/petitions/{caseId}',
    body: { changes: { channel: 'letter' }, reason: { code: 'clerical-error' } },
  },
  { service: 'intake', method: 'POST', path: '/petitions/{caseId}/merge', body: { matchedCaseId: '{controlCaseId}' } },
  { service: 'intake', method: 'POST', path: '/petitions/{caseId}/callback-ratings', body: { score: 'satisfied' } },
  { service: 'intake', method: 'POST', path: '/petitions/{caseId}/identity-confirmation', body: { reason: { code: 'id-card-seen' } } },
  {
    service: 'intake',
    method: 'POST',
    path: '/petitions/{caseId}/dossier/reveal',
    body: { field: 'petitioner.phone', reason: { code: 'callback' } },
  },
  { service: 'intake', method: 'POST', path: '/petitions/{caseId}/attachments', multipart: true },
];

/**
 * Read-only POSTs that answer about cases: routing's replay of a candidate rule set over the caller's territory
 * (its `changed` names cases). The body is built by the test (the active rule set with the accusation rule changed).
 */
export const REPLAY = { service: 'routing' as const, method: 'POST', path: '/routing-rules/replay' };

/** Operations that cannot reveal a case to a unit's staff, with the reason. */
export const CASE_FREE: ReadonlyArray<{ services: readonly ServiceName[] | 'all'; match: RegExp; why: string }> = [
  { services: 'all', match: /^GET \/health(\/live|\/ready)?$/, why: 'public health probes' },
  {
    services: 'all',
    match: /^GET \/metrics$/,
    why: 'Prometheus scrape: counts, latencies by route template, lag by partition; names no case, person or unit',
  },
  { services: 'all', match: /^(GET|POST) \/ops\//, why: 'operators only (role ops); no unit staff role opens it' },
  {
    services: 'all',
    match: /^GET \/audit\/records$/,
    why: 'the audit administrator only (role audit-admin, 三员分立, never combined with a unit role): who did what and when, case ids but no case content',
  },
  { services: ['intake'], match: /^POST \/petitions$/, why: 'registration creates a case; it answers only the new case' },
  {
    services: ['intake'],
    match: /^(GET|POST) \/public\//,
    why: 'citizen self-service: opens a case only with its number and query code (or phone), which the accused never gets',
  },
  {
    services: ['intake'],
    match: /^(POST \/receptions|GET \/receptions\/\{receptionId\}\/appointments)$/,
    why: 'leader reception days: a schedule, no case',
  },
  {
    services: ['intake'],
    match: /^GET \/(public\/)?categories$/,
    why: 'the category code table (reference data, also public for the online form), no case',
  },
  {
    services: ['intake'],
    match: /^GET \/public\/divisions$/,
    why: 'the city’s division tree (statistics bureau codes and names, reference data) for the citizen’s place picker, no case',
  },
  {
    services: ['intake'],
    match: /^(GET|POST) \/open311\/v2\//,
    why: 'Open311 GeoReport v2: the category table as services; requests only to the api client that sent them (its api_key, no staff token), never an accusation (Art 30)',
  },
  {
    services: ['intake'],
    match: /^POST \/interop\/12345\/orders(\/\{orderNo\}\/visits)?$/,
    why: '12345 work orders and their 回访: a hotline system (its X-Api-Key, no staff token) registers its own order and gets back only that case’s number; it rates only an order it sent (404 for any other) and gets back the rating it gave (stage, rated unit id, score)',
  },
  {
    services: ['intake'],
    match: /^(GET \/ops\/hotline\/feedback|POST \/ops\/hotline\/feedback\/\{id\}\/replay)$/,
    why: '12345 feedback parked after refusals: city ops (role ops) see and resend only what the hotline is owed (order and case numbers, codes and labels), never the petition’s text or person; the same for an accusation as the hotline already holds',
  },
  {
    services: ['intake'],
    match: /^(GET \/ops\/upstream\/deliveries|POST \/ops\/upstream\/deliveries\/\{id\}\/replay)$/,
    why: 'upstream change-stream messages parked after refusals: city ops (role ops) see and resend codes and labels only (case number, status, units); an accusation is never planned for the upstream, so none is ever listed',
  },
  {
    services: ['intake'],
    match: /^GET \/ops\/upstream\/reconciliations$/,
    why: 'the daily reconciliation reports: city ops (role ops) read counts and case numbers of the day export, which never holds an accusation (Art 30)',
  },
  {
    services: ['intake'],
    match: /^POST \/personal-data-requests\/\{requestId\}\/decision$/,
    why: 'a petitioner’s request, by its id (uuid v7, handed only to the petitioner and to GET /petitions/{caseId}/personal-data-requests, itself probed): decided through the registration rule, so a case the caller cannot see answers 404 CASE_NOT_FOUND exactly as a request that does not exist',
  },
  {
    services: ['intake'],
    match: /^POST \/suggestions$/,
    why: 'smart dispatch: classifies the text the caller sends, names a unit by the rules; reads no case',
  },
  { services: ['routing'], match: /^(GET|POST|PATCH|PUT) \/org\//, why: 'the organisation directory: units and staff, no case' },
  {
    services: ['routing'],
    match: /^(GET|POST) \/routing-rules(\/active|\/\{id\}\/\{version\}(\/activate)?)?$/,
    why: 'rule sets as data, no case',
  },
  { services: ['supervision'], match: /^(GET|POST) \/calendar\/arrangements$/, why: 'holiday arrangements, no case' },
  { services: ['supervision'], match: /^GET \/calendar\/days$/, why: 'the working-day calendar of a year, no case' },
  {
    services: ['supervision'],
    match: /^(GET \/deadline-policies|PUT \/deadline-policies\/\{id\})$/,
    why: 'jurisdictions’ deadline policies (reference data), no case',
  },
  {
    services: ['supervision'],
    match: /^(GET \/dissatisfaction-policies|PUT \/dissatisfaction-policies\/\{id\})$/,
    why: 'jurisdictions’ policies for a 不满意 rating (data), no case',
  },
  {
    services: ['notification'],
    match: /^(GET|PUT|DELETE) \/units\/\{unitId\}\/webhook$/,
    why: 'a unit’s own webhook URL and secret (its admin only), no case',
  },
  {
    services: ['notification'],
    match: /^(GET|PUT|DELETE) \/units\/\{unitId\}\/mailbox$/,
    why: 'a unit’s own official mailbox address (its admin only), no case',
  },
  {
    services: ['notification'],
    match: /^POST \/callbacks\/sms\/reports$/,
    why: 'the SMS provider’s delivery reports (shared token): it acknowledges, it shows nothing',
  },
  {
    services: ['notification'],
    match: /^(GET \/notice-rules|PUT \/notice-rules\/\{divisionCode\})$/,
    why: 'the notice rule tables (city-wide configuration as data), no case',
  },
  {
    services: ['notification'],
    match: /^(GET \/notice-templates|POST \/notice-templates\/\{kind\}\/preview)$/,
    why: 'the notice templates, rendered with the parameters the caller gives; reads no case',
  },
  {
    services: ['notification'],
    match: /^POST \/notices\/(\{id\}\/read|read-all)$/,
    why: 'marks the caller’s own notices read (by a notice id of its own inbox; any other answers 404 as one that does not exist)',
  },
  {
    services: ['intake'],
    match: /^(GET|POST) \/delivery\//,
    why: 'notification’s service token only (role service): no unit staff token opens it',
  },
  {
    services: ['intake'],
    match: /^GET \/hot-topics$/,
    why: 'supervision’s service token only (role service): no unit staff token opens it; case ids of open petitions only, never an accusation',
  },
  {
    services: ['evaluation'],
    match: /^GET \/kpis(\/units)?$/,
    why: 'aggregate figures (counts and rates) of cases that are not accusations: an accusation is never counted (Art 30, 46)',
  },
  { services: ['evaluation'], match: /^(GET \/scoring-schemes|PUT \/scoring-schemes\/\{id\})$/, why: 'scoring schemes (data), no case' },
  {
    services: ['evaluation'],
    match: /^(GET|POST) \/rankings(\/preview)?$/,
    why: 'territories’ scores from aggregate figures that never count an accusation; no case',
  },
  {
    services: ['evaluation'],
    match: /^(GET|POST) \/reports(\/\{id\}(\/xlsx|\/html)?)?$/,
    why: 'periodic reports: tables of aggregate figures that never count an accusation; no case',
  },
];

export function caseFree(service: ServiceName, operation: string): boolean {
  return CASE_FREE.some((c) => (c.services === 'all' || c.services.includes(service)) && c.match.test(operation));
}
