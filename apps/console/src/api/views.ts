import type { Answer } from './answer';
import type { paths as IntakePaths } from './generated/intake';
import type { paths as NotificationPaths } from './generated/notification';
import type { paths as RoutingPaths } from './generated/routing';
import type { paths as SupervisionPaths } from './generated/supervision';

// The answers the pages read, by name: each is the generated type of the success body the service documents
// (@ZodResponse → docs/openapi → src/api/generated, see ./answer.ts), never a hand-written copy of a server type.

/** GET /api/routing/org/units/{id}: one unit of the directory (GET /org/units answers a page of them). */
export type OrgUnit = Answer<RoutingPaths, '/org/units/{id}', 'get'>;

/** GET /api/routing/inbox: one page of rows (everything the list shows, no dossier request per row). */
export type InboxPage = Answer<RoutingPaths, '/inbox', 'get'>;
export type InboxItem = InboxPage['items'][number];
/** What a unit owes on a case now (libs/domain `unitDuties`). */
export type UnitDuty = InboxItem['duties'][number];

/** GET /api/routing/cases/{caseId}, with `allowedActions`: what the caller can do now (libs/domain `allowedActions`). */
export type CaseDetail = Answer<RoutingPaths, '/cases/{caseId}', 'get'>;

/** GET /api/routing/cases/{caseId}/dispatches (one entry). */
export type DispatchRecord = Answer<RoutingPaths, '/cases/{caseId}/dispatches', 'get'>[number];

/** GET /api/supervision/cases/{caseId}: status, flags, clocks and timeline. */
export type SupervisionCase = Answer<SupervisionPaths, '/cases/{caseId}', 'get'>;

/** POST /api/supervision/cases/{caseId}/report-up (重大紧急事项上报): the units reported to. */
export type ReportedUp = Answer<SupervisionPaths, '/cases/{caseId}/report-up', 'post'>;

/** GET /api/intake/petitions/{caseId}/dossier: what the caller's unit may see of the text, petitioner and attachments. */
export type Dossier = Answer<IntakePaths, '/petitions/{caseId}/dossier', 'get'>;

/** POST /api/intake/petitions */
export type Registered = Answer<IntakePaths, '/petitions', 'post'>;

/** POST /api/intake/suggestions (智能分类) */
export type Suggestion = Answer<IntakePaths, '/suggestions', 'post'>;

/** GET /api/routing/cases/{caseId}/documents (one document). */
export type DocumentRef = Answer<RoutingPaths, '/cases/{caseId}/documents', 'get'>[number];

/** GET /api/intake/categories (one row of the category code table). */
export type CategoryRow = Answer<IntakePaths, '/categories', 'get'>['items'][number];

/** GET /api/notification/notices */
export type NoticeList = Answer<NotificationPaths, '/notices', 'get'>;
export type Notice = NoticeList['items'][number];

/** POST /api/intake/petitions: the registration as sent (the generated request body). */
export type RegisterRequest = NonNullable<IntakePaths['/petitions']['post']['requestBody']>['content']['application/json'];

/** GET /api/routing/desk */
export type DeskPage = Answer<RoutingPaths, '/desk', 'get'>;
export type DeskItem = DeskPage['items'][number];
