import type { ServiceName, StaffRole } from '@sunshine/platform';
import { DEMO_CITY, DEMO_COUNTY, DEMO_DONGTUN, DEMO_FENGQIU, DEMO_FENGZHUANG, DEMO_UNITS } from '@sunshine/testing';

/**
 * The two hand-written statements the permission matrix end-to-end test derives every expected answer from:
 * 1. what each caller may know of each case (DESIGN §3, 《信访工作条例》第30、46条), written here by hand per
 *    (caller, case), NOT computed by libs/domain `caseAccess` (the function under test);
 * 2. who may call each route, as declared by the controllers and listed in docs/permission-matrix.md (parsed here), and
 *    which service calls which route on its own behalf (SERVICE_CALLS, by hand).
 * Plus what a route answers a caller who passes its gate when the route reveals no case (case-free operations).
 */

export type Level = 'none' | 'facts-only' | 'full';
export type CaseKey = 'accusation' | 'collective-accusation' | 'claim';
export const CASE_KEYS: readonly CaseKey[] = ['accusation', 'collective-accusation', 'claim'];

// The demo directory's codes, named once in libs/testing; 丰庄镇 is a sibling township of 东屯镇, 封丘县 another county.
export const [CITY, YANJIN, DONGTUN, FENGZHUANG, FENGQIU] = [DEMO_CITY, DEMO_COUNTY, DEMO_DONGTUN, DEMO_FENGZHUANG, DEMO_FENGQIU];

export const UNITS = {
  accused: DEMO_UNITS.dongtun,
  registeringBureau: DEMO_UNITS.countyBureau,
  discipline: DEMO_UNITS.countyDiscipline,
  cityDiscipline: DEMO_UNITS.cityDiscipline,
  cityBureau: DEMO_UNITS.cityBureau,
} as const;

/** Working roles of a unit's staff (no admin, ops, sysadmin): the case routes' roles. */
export const WORKING_ROLES: StaffRole[] = ['clerk', 'handler', 'head', 'dispatcher', 'supervisor', 'leader'];
export const ADMIN_OPS_ROLES: StaffRole[] = ['admin', 'ops'];

export interface Caller {
  readonly key: string;
  readonly who: string;
  readonly unitId: string;
  readonly roles: StaffRole[];
  /** Whether the directory places the unit at level `city` (written by hand from the demo directory). */
  readonly cityLevel: boolean;
  /** What the caller may know of each case: by hand. */
  readonly access: Readonly<Record<CaseKey, Level>>;
}

/**
 * The cases (see the scenario): two accusations against 东屯镇人民政府 (one individual, one collective of 60 with
 * representatives) registered at 延津县信访局 and handled by 延津县纪委监委 (the organ with authority over a township,
 * one level up); an ordinary claim (其他) at 东屯镇, registered at 延津县信访局 and handled by 东屯镇人民政府 (属地).
 */
export const CALLERS: readonly Caller[] = [
  {
    key: 'accused',
    who: '东屯镇人民政府 (the accused unit)',
    unitId: UNITS.accused,
    roles: WORKING_ROLES,
    cityLevel: false,
    access: { accusation: 'none', 'collective-accusation': 'none', claim: 'full' },
  },
  {
    key: 'same-gov-office',
    who: '东屯镇信访办 (the accused government’s petition office)',
    unitId: `${DONGTUN}:petition-office`,
    roles: WORKING_ROLES,
    cityLevel: false,
    access: { accusation: 'none', 'collective-accusation': 'none', claim: 'full' },
  },
  {
    key: 'same-gov-discipline',
    who: '东屯镇纪委 (same township, not the organ with authority)',
    unitId: `${DONGTUN}:discipline`,
    roles: WORKING_ROLES,
    cityLevel: false,
    access: { accusation: 'none', 'collective-accusation': 'none', claim: 'none' },
  },
  {
    key: 'sibling-township',
    who: '丰庄镇信访办 (a sibling township)',
    unitId: `${FENGZHUANG}:petition-office`,
    roles: WORKING_ROLES,
    cityLevel: false,
    access: { accusation: 'none', 'collective-accusation': 'none', claim: 'none' },
  },
  {
    key: 'other-county',
    who: '封丘县信访局 (another county)',
    unitId: `${FENGQIU}:petition-bureau`,
    roles: WORKING_ROLES,
    cityLevel: false,
    access: { accusation: 'none', 'collective-accusation': 'none', claim: 'none' },
  },
  {
    key: 'registering-bureau',
    who: '延津县信访局 (the registering bureau)',
    unitId: UNITS.registeringBureau,
    roles: WORKING_ROLES,
    cityLevel: false,
    access: { accusation: 'facts-only', 'collective-accusation': 'facts-only', claim: 'full' },
  },
  {
    key: 'discipline',
    who: '延津县纪委监委 (the discipline commission with authority)',
    unitId: UNITS.discipline,
    roles: WORKING_ROLES,
    cityLevel: false,
    access: { accusation: 'full', 'collective-accusation': 'full', claim: 'none' },
  },
  {
    key: 'discipline-above',
    who: '新乡市纪委监委 (the discipline chain above)',
    unitId: UNITS.cityDiscipline,
    roles: WORKING_ROLES,
    cityLevel: true,
    access: { accusation: 'full', 'collective-accusation': 'full', claim: 'none' },
  },
  {
    key: 'city-admin-ops',
    who: '新乡市信访局 admin/ops (city level)',
    unitId: UNITS.cityBureau,
    roles: ADMIN_OPS_ROLES,
    cityLevel: true,
    access: { accusation: 'facts-only', 'collective-accusation': 'facts-only', claim: 'full' },
  },
  {
    key: 'unit-admin-ops',
    who: '延津县人民政府 admin/ops (a unit’s, not city level)',
    unitId: `${YANJIN}:government`,
    roles: ADMIN_OPS_ROLES,
    cityLevel: false,
    access: { accusation: 'none', 'collective-accusation': 'none', claim: 'facts-only' },
  },
];

/** Who holds each case after routing's rule dispatched it (by hand: 检举控告 → 纪委监委 one level up; 其他 → 属地 township). */
export const HOLDERS: Readonly<Record<CaseKey, string>> = {
  accusation: UNITS.discipline,
  'collective-accusation': UNITS.discipline,
  claim: UNITS.accused,
};

/** Who may issue a supervision order by hand on each case (an accusation: the discipline chain only). */
export const ORDER_ISSUERS: Readonly<Record<CaseKey, string>> = {
  accusation: UNITS.cityDiscipline,
  'collective-accusation': UNITS.cityDiscipline,
  claim: UNITS.registeringBureau,
};

// ---------------------------------------------------------------------------------------------------------------
// Declared access, from docs/permission-matrix.md (generated from the controllers' decorators).

export interface DeclaredAccess {
  readonly isPublic: boolean;
  /** null: any staff token. */
  readonly roles: readonly StaffRole[] | null;
  /** The 403 code when the caller has none of the roles. */
  readonly code: string;
  readonly cityLevel: boolean;
  /** The services whose tokens may call it (` (+ service tokens of intake)`); empty: none. */
  readonly services: readonly ServiceName[];
}

/** `service METHOD /path` → who may call it, from the generated document's tables. */
export function parseDeclaredAccess(markdown: string): Map<string, DeclaredAccess> {
  const declared = new Map<string, DeclaredAccess>();
  let service = '';
  for (const line of markdown.split('\n')) {
    const section = /^## (\w+)$/.exec(line);
    if (section?.[1]) service = section[1];
    const row = /^\| (GET|POST|PUT|PATCH|DELETE) \| `([^`]+)` \| (.+) \|$/.exec(line);
    if (!row || !service) continue;
    declared.set(`${service} ${row[1]} ${row[2]}`, parseWho(row[3] ?? ''));
  }
  return declared;
}

function parseWho(text: string): DeclaredAccess {
  if (text === 'public') return { isPublic: true, roles: null, code: 'ROLE_REQUIRED', cityLevel: false, services: [] };
  const city = ' of a city-level unit → CITY_LEVEL_REQUIRED';
  const cityLevel = text.endsWith(city);
  const services = (/ \(\+ service tokens of ([a-z, ]+)\)/.exec(text)?.[1]?.split(', ') ?? []) as ServiceName[];
  // ` (+ service tokens of intake)`, ` (+ sysadmin)`: callers beyond the unit staff (the services' own test below).
  const rest = (cityLevel ? text.slice(0, -city.length) : text).replace(/ \(\+ [a-z, -]+\)/g, '');
  if (rest === 'staff') return { isPublic: false, roles: null, code: 'ROLE_REQUIRED', cityLevel, services };
  const [roles = '', code = 'ROLE_REQUIRED'] = rest.split(' → ');
  return { isPublic: false, roles: roles.split(', ') as StaffRole[], code, cityLevel, services };
}

/** What the route's gate answers the caller: undefined when it lets the caller through. */
export function gateRefusal(
  declared: DeclaredAccess,
  caller: Pick<Caller, 'roles' | 'cityLevel'>,
): { status: 403; code: string } | undefined {
  if (declared.isPublic) return undefined;
  if (declared.roles && !declared.roles.some((r) => caller.roles.includes(r))) return { status: 403, code: declared.code };
  if (declared.cityLevel && !caller.cityLevel) return { status: 403, code: 'CITY_LEVEL_REQUIRED' };
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Services calling on their own behalf (role `service`, unit `service:<name>`, a token signed by the service's own key).

/**
 * Which service calls which route (`service METHOD /path`), by hand from the clients that make the calls: intake's
 * RoutingReplyClient (the reply's text for the petitioner), notification's IntakeDeliveryClient (a petitioner's address
 * and the one-time codes waiting for a gateway), supervision's IntakeHotTopicsClient (the hot-topic scan). No other route
 * is any service's to call.
 */
export const SERVICE_CALLS: Readonly<Record<string, readonly ServiceName[]>> = {
  'routing GET /cases/{caseId}/reply': ['intake'],
  'intake GET /delivery/cases/{caseId}/address': ['notification'],
  'intake GET /delivery/messages': ['notification'],
  'intake GET /delivery/messages/{id}': ['notification'],
  'intake POST /delivery/messages/{id}/claim': ['notification'],
  'intake GET /hot-topics': ['supervision'],
};

/**
 * What a route's gate answers `service`'s own token: 403 STAFF_ONLY where no service is named, SERVICE_NOT_ALLOWED where
 * others are; past that, the route's roles and level as for anyone (a service's token: role `service`, no city level).
 */
export function serviceGateRefusal(declared: DeclaredAccess, service: ServiceName): { status: 403; code: string } | undefined {
  if (declared.isPublic) return undefined;
  if (declared.services.length === 0) return { status: 403, code: 'STAFF_ONLY' };
  if (!declared.services.includes(service)) return { status: 403, code: 'SERVICE_NOT_ALLOWED' };
  return gateRefusal(declared, { roles: ['service'], cityLevel: false });
}

// ---------------------------------------------------------------------------------------------------------------
// Case-free operations: the probe each caller sends and the status a caller past the gate gets. Writes send a body
// the route must refuse (or name an id that does not exist), so that no probe changes anything.

/** Placeholders: `{ownUnit}` the caller's unit, `{ownSubject}` its subject, `{ghost}` a UUID of nothing, `{ruleSet}` / `{ruleVersion}` the active rule set. */
export interface CaseFreeProbe {
  /** The path probed, when it is not the operation's own (a placeholder to fill, a query). */
  readonly path?: string;
  readonly body?: unknown;
  /** The answer to a caller the gate lets through. */
  readonly status: number;
}

const MALFORMED: unknown = [];

/** By operation (`METHOD /path`, the same in every service that has it). */
export const CASE_FREE_PROBES: Readonly<Record<string, CaseFreeProbe>> = {
  'GET /health': { status: 200 },
  'GET /health/live': { status: 200 },
  'GET /health/ready': { status: 200 },
  'GET /metrics': { status: 200 },
  'GET /audit/records': { status: 200 },
  'GET /ops/messaging/dead-letters': { status: 200 },
  'GET /ops/messaging/dead-letters/{id}': { path: '/ops/messaging/dead-letters/{ghost}', status: 404 },
  'POST /ops/messaging/dead-letters/{id}/discard': { path: '/ops/messaging/dead-letters/{ghost}/discard', body: MALFORMED, status: 400 },
  'POST /ops/messaging/dead-letters/{id}/replay': { path: '/ops/messaging/dead-letters/{ghost}/replay', body: MALFORMED, status: 400 },
  'GET /ops/messaging/lag': { status: 200 },
  'GET /ops/messaging/parked': { status: 200 },
  'GET /ops/messaging/stats': { status: 200 },
  // intake
  'POST /petitions': { body: MALFORMED, status: 400 },
  'POST /public/cases/progress': { body: MALFORMED, status: 400 },
  'POST /public/cases/attachments': { body: MALFORMED, status: 400 },
  'POST /public/cases/personal-data': { body: MALFORMED, status: 400 },
  'POST /public/cases/personal-data/requests': { body: MALFORMED, status: 400 },
  'POST /personal-data-requests/{requestId}/decision': { path: '/personal-data-requests/{ghost}/decision', body: MALFORMED, status: 400 },
  'POST /public/cases/ratings': { body: MALFORMED, status: 400 },
  'POST /public/cases/review-requests': { body: MALFORMED, status: 400 },
  'POST /public/cases/identity-verification': { body: MALFORMED, status: 400 },
  'POST /public/cases/identity-verification/confirm': { body: MALFORMED, status: 400 },
  'POST /public/cases/withdrawal': { body: MALFORMED, status: 400 },
  'POST /public/petitions': { body: MALFORMED, status: 400 },
  'POST /public/query-code/recovery': { body: MALFORMED, status: 400 },
  'POST /public/query-code/reset': { body: MALFORMED, status: 400 },
  'GET /public/receptions': { status: 200 },
  'GET /public/divisions': { status: 200 },
  'GET /public/categories': { status: 200 },
  'POST /public/receptions/{receptionId}/appointments': { path: '/public/receptions/{ghost}/appointments', body: MALFORMED, status: 400 },
  'POST /receptions': { body: MALFORMED, status: 400 },
  'GET /receptions/{receptionId}/appointments': { path: '/receptions/{ghost}/appointments', status: 404 },
  'GET /categories': { status: 200 },
  'POST /suggestions': { body: MALFORMED, status: 400 },
  'POST /ops/open311/clients': { body: MALFORMED, status: 400 },
  'GET /open311/v2/services.{format}': { path: '/open311/v2/services.json', status: 200 },
  'GET /open311/v2/services/{service_code}.{format}': { path: '/open311/v2/services/labour.xml', status: 200 },
  'POST /open311/v2/requests.{format}': { path: '/open311/v2/requests.json', body: MALFORMED, status: 400 },
  'GET /open311/v2/requests.{format}': { path: '/open311/v2/requests.json', status: 400 },
  'GET /open311/v2/requests/{id}.{format}': { path: '/open311/v2/requests/{ghost}.json', status: 400 },
  'GET /open311/v2/tokens/{token}.{format}': { path: '/open311/v2/tokens/probe.json', status: 400 },
  'POST /ops/hotline/systems': { body: MALFORMED, status: 400 },
  'GET /ops/hotline/feedback': { path: '/ops/hotline/feedback?status=parked', status: 200 },
  'POST /ops/hotline/feedback/{id}/replay': { path: '/ops/hotline/feedback/{ghost}/replay', body: MALFORMED, status: 400 },
  'POST /interop/12345/orders': { body: MALFORMED, status: 400 },
  'POST /interop/12345/orders/{orderNo}/visits': { path: '/interop/12345/orders/GHOST-1/visits', body: MALFORMED, status: 400 },
  'GET /ops/upstream/export': { path: '/ops/upstream/export?day=2000-01-01', status: 200 },
  'POST /ops/upstream/reconciliation': { body: MALFORMED, status: 400 },
  'GET /ops/upstream/deliveries': { path: '/ops/upstream/deliveries?status=parked', status: 200 },
  'POST /ops/upstream/deliveries/{id}/replay': { path: '/ops/upstream/deliveries/{ghost}/replay', body: MALFORMED, status: 400 },
  'GET /ops/upstream/reconciliations': { status: 200 },
  // routing: the directory and its change requests, rule sets
  'POST /org/change-requests': { body: MALFORMED, status: 400 },
  'GET /org/change-requests': { status: 200 },
  'GET /org/change-requests/{id}': { path: '/org/change-requests/{ghost}', status: 404 },
  'POST /org/change-requests/{id}/approve': { path: '/org/change-requests/{ghost}/approve', status: 404 },
  'POST /org/change-requests/{id}/reject': { path: '/org/change-requests/{ghost}/reject', body: MALFORMED, status: 400 },
  'GET /org/units': { path: '/org/units?limit=5', status: 200 },
  'GET /org/units/{id}': { path: '/org/units/{ownUnit}', status: 200 },
  'PATCH /org/units/{id}': { path: '/org/units/{ownUnit}', body: MALFORMED, status: 400 },
  'GET /org/units/{id}/users': { path: '/org/units/{ownUnit}/users', status: 200 },
  'GET /org/users/{subject}': { path: '/org/users/{ownSubject}', status: 404 },
  'PUT /org/users/{subject}': { path: '/org/users/{ownSubject}', body: MALFORMED, status: 400 },
  'GET /routing-rules': { status: 200 },
  'POST /routing-rules': { body: MALFORMED, status: 400 },
  'GET /routing-rules/active': { status: 200 },
  'GET /routing-rules/{id}/{version}': { path: '/routing-rules/{ruleSet}/{ruleVersion}', status: 200 },
  'POST /routing-rules/{id}/{version}/activate': { path: '/routing-rules/{ruleSet}/999999/activate', status: 404 },
  // supervision: reference data
  'GET /calendar/arrangements': { status: 200 },
  'POST /calendar/arrangements': { body: MALFORMED, status: 400 },
  'GET /calendar/days': { path: '/calendar/days?year=2026', status: 200 },
  'GET /deadline-policies': { status: 200 },
  'PUT /deadline-policies/{id}': { path: '/deadline-policies/matrix-probe', body: MALFORMED, status: 400 },
  'GET /dissatisfaction-policies': { status: 200 },
  'PUT /dissatisfaction-policies/{id}': { path: '/dissatisfaction-policies/matrix-probe', body: MALFORMED, status: 400 },
  // notification: units' webhooks and mailboxes (none is set in the scenario), the SMS provider's report push
  'GET /units/{unitId}/webhook': { path: '/units/{ownUnit}/webhook', status: 404 },
  'PUT /units/{unitId}/webhook': { path: '/units/{ownUnit}/webhook', body: MALFORMED, status: 400 },
  'DELETE /units/{unitId}/webhook': { path: '/units/{ownUnit}/webhook', status: 404 },
  'GET /units/{unitId}/mailbox': { path: '/units/{ownUnit}/mailbox', status: 404 },
  'PUT /units/{unitId}/mailbox': { path: '/units/{ownUnit}/mailbox', body: MALFORMED, status: 400 },
  'DELETE /units/{unitId}/mailbox': { path: '/units/{ownUnit}/mailbox', status: 404 },
  'POST /callbacks/sms/reports': { body: MALFORMED, status: 400 },
  // notification: rule tables, templates, the caller's own notices by id, ops deliveries
  'GET /notice-rules': { status: 200 },
  'PUT /notice-rules/{divisionCode}': { path: '/notice-rules/410726101000', body: MALFORMED, status: 400 },
  'GET /notice-templates': { status: 200 },
  'POST /notice-templates/{kind}/preview': { path: '/notice-templates/unit.case-arrived/preview', body: MALFORMED, status: 400 },
  'POST /notices/{id}/read': { path: '/notices/{ghost}/read', status: 404 },
  'POST /notices/read-all': { status: 200 },
  'GET /ops/deliveries': { status: 200 },
  'GET /ops/deliveries/{id}': { path: '/ops/deliveries/{ghost}', status: 404 },
  'POST /ops/deliveries/{id}/replay': { path: '/ops/deliveries/{ghost}/replay', body: MALFORMED, status: 400 },
  // intake: notification's delivery endpoints (role service: every staff caller is refused at the gate)
  'GET /delivery/cases/{caseId}/address': { path: '/delivery/cases/{ghost}/address', status: 404 },
  'GET /delivery/messages': { status: 200 },
  'GET /delivery/messages/{id}': { path: '/delivery/messages/{ghost}', status: 404 },
  'POST /delivery/messages/{id}/claim': { path: '/delivery/messages/{ghost}/claim', body: MALFORMED, status: 400 },
  // intake: supervision's hot-topic scan (role service: every staff caller is refused at the gate)
  'GET /hot-topics': { path: '/hot-topics?days=0', status: 400 },
  // evaluation: figures (a malformed period: whose figures a caller may read depends on its unit), schemes, rankings, reports
  'GET /kpis': { path: '/kpis?period=fortnight', status: 400 },
  'GET /kpis/units': { path: '/kpis/units?period=fortnight', status: 400 },
  'GET /scoring-schemes': { status: 200 },
  'PUT /scoring-schemes/{id}': { path: '/scoring-schemes/matrix-probe', body: MALFORMED, status: 400 },
  'GET /rankings': { status: 200 },
  'GET /rankings/preview': { path: '/rankings/preview?period=fortnight', status: 400 },
  'POST /rankings': { body: MALFORMED, status: 400 },
  'GET /reports': { status: 200 },
  'POST /reports': { body: MALFORMED, status: 400 },
  'GET /reports/{id}': { path: '/reports/{ghost}', status: 404 },
  'GET /reports/{id}/xlsx': { path: '/reports/{ghost}/xlsx', status: 404 },
  'GET /reports/{id}/html': { path: '/reports/{ghost}/html', status: 404 },
};

// ---------------------------------------------------------------------------------------------------------------
// What a case-scoped read shows to a caller who may know the case (the path's part after the case id).

/**
 * - `dossier`: facts-only → 200 with `access: 'facts-only'`, no person, no text; full → 200 with them;
 * - `material`: the petitioner's own material (attachments): full → 200 with the bytes; facts-only → as a missing case;
 * - `own-draft`: the reply draft, for the unit that wrote it (200); any other caller who may know the case: 409 NO_REPLY_DRAFT;
 * - `written`: what was written on the case (the approved reply, the documents): an accusation's is its text, so with
 *   facts-only → as a missing case (the registering bureau, the city bureau); an ordinary claim's → 200 as `facts`;
 * - `registration`: the petitioner's personal-data requests, for the registering bureau and the petition bureaus above
 *   it (200 with `access` = the caller's level: facts-only shows no asked-for values); any other caller who may know the
 *   case: 403 NOT_REGISTERING_UNIT;
 * - `facts`: 200 (the case's facts and course; routing and supervision hold no person and no petition text).
 */
export type Shows = 'dossier' | 'material' | 'own-draft' | 'registration' | 'written' | 'facts';

/** Who manages the registration of every case (by hand: the county bureau registered all three; the city bureau is above it). */
export const MANAGES_REGISTRATION: ReadonlySet<string> = new Set([UNITS.registeringBureau, UNITS.cityBureau]);

export function showsOf(path: string): Shows {
  if (path.endsWith('/dossier')) return 'dossier';
  if (path.includes('/attachments/')) return 'material';
  if (path.endsWith('/reply/draft')) return 'own-draft';
  if (path.endsWith('/personal-data-requests')) return 'registration';
  if (path.endsWith('/reply') || path.includes('/documents')) return 'written';
  return 'facts';
}

/** Which cases are confidential (by hand: the two accusations). */
export const CONFIDENTIAL: Readonly<Record<CaseKey, boolean>> = { accusation: true, 'collective-accusation': true, claim: false };

/** Whether a caller at `level` gets the read of `shows` on case `key` answered as for a missing case. */
export function answeredAsMissing(level: Level, shows: Shows, key: CaseKey): boolean {
  if (level === 'none') return true;
  return level === 'facts-only' && (shows === 'material' || (shows === 'written' && CONFIDENTIAL[key]));
}

/** Lists that show every case the caller may know of (the city view and its live feed): present exactly when visible. */
export const LISTS_EVERY_VISIBLE_CASE: readonly string[] = ['supervision GET /cases?limit=500', 'supervision GET /feed'];
