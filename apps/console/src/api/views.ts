import type { CaseStatus, Channel, OrgUnitSnapshot, PetitionType, Stage } from '@sunshine/contracts';

// What the pages read from answers whose success bodies the services' OpenAPI documents do not describe yet (their
// requests, parameters and errors are generated). Each names only the fields a page shows; when a service documents
// its answer, the page reads the generated type instead and the entry here goes.

export type OrgUnit = Omit<OrgUnitSnapshot, 'revision'>;

/** What a unit owes on a case now (routing's inbox row; libs/domain `unitDuties`). */
export interface UnitDuty {
  readonly clock: string;
  readonly label: string;
  readonly article: string;
  /** The last day, Beijing time (YYYY-MM-DD). */
  readonly lastDay: string;
  readonly dueAt: string;
  readonly provisional: boolean;
  readonly state: 'running' | 'warned' | 'overdue';
}

/** GET /api/routing/inbox (one row: everything the list shows, no dossier request per row). */
export interface InboxItem {
  readonly caseId: string;
  readonly caseNumber: string | null;
  readonly status: CaseStatus | null;
  readonly stage: Stage;
  readonly type: PetitionType | null;
  readonly category: string | null;
  readonly placeCode: string | null;
  readonly holdingUnitId: string | null;
  /** 事由, only where the reader may read the case in full; else null. */
  readonly subject: string | null;
  readonly holding: boolean;
  readonly assisting: boolean;
  readonly holdingUnitName: string | null;
  readonly placeName: string | null;
  readonly duties: readonly UnitDuty[];
  readonly mergedInto: { readonly caseId: string; readonly caseNumber: string | null } | null;
  readonly dueAt: string | null;
  readonly dueProvisional: boolean;
  readonly registeredAt: string | null;
  readonly objectedTwice: boolean;
  readonly version: number;
  readonly updatedAt: string;
}
export interface InboxPage {
  readonly items: InboxItem[];
  readonly total: number;
  readonly byStatus: Record<string, number>;
}

/** GET /api/routing/cases/{caseId} */
export interface CaseDetail {
  readonly caseId: string;
  readonly caseNumber: string | null;
  readonly version: number;
  readonly status: CaseStatus | null;
  readonly stage: Stage;
  readonly type: PetitionType | null;
  readonly category: string | null;
  readonly channel: Channel | null;
  readonly placeCode: string | null;
  readonly receivingUnitId: string | null;
  readonly holdingUnitId: string | null;
  readonly heldBy: readonly string[];
  readonly assistingUnitIds: readonly string[];
  readonly handlerId: string | null;
  readonly receivedAt: string | null;
  readonly dueAt: string | null;
  readonly desk: { readonly unitId: string; readonly reason: string } | null;
  /** What the caller can do now, computed by routing for this caller (libs/domain `allowedActions`). */
  readonly allowedActions: string[];
  readonly flags?: { readonly mergedInto: { readonly caseId: string; readonly caseNumber: string | null } | null };
}

/** GET /api/routing/cases/{caseId}/dispatches */
export interface DispatchRecord {
  readonly hop: number;
  readonly fromUnitId: string;
  readonly toUnitId: string;
  readonly mode: 'forward' | 'assign';
  /** The rule's reasons in words (属地, 主管, 逐级 …). */
  readonly reasons: readonly string[];
  readonly at: string;
}

/** GET /api/supervision/cases/{caseId} */
export interface SupervisionCase {
  readonly timeline: Array<{ readonly eventId: string; readonly type: string; readonly status: string | null; readonly holdingUnitId: string | null; readonly occurredAt: string }>;
  readonly clocks: Array<{
    readonly clockId: string;
    readonly kind: string;
    readonly unitId: string;
    readonly article: string;
    readonly dueAt: string;
    readonly lastDay: string;
    readonly provisional: boolean;
    readonly status: string;
  }>;
}

/** GET /api/intake/petitions/{caseId}/dossier */
export interface Dossier {
  readonly access?: string;
  readonly facts?: { readonly placeLabel?: string };
  readonly subject?: string;
  readonly content?: string;
  readonly petitioner?: Record<string, unknown> | null;
  readonly attachments?: Array<{ readonly id: string; readonly name?: string; readonly fileName?: string; readonly size?: number }>;
}

/** One match of intake's repeat detector (同一人重复信访, or a near-duplicate text). */
export interface RepeatMatch {
  readonly caseId: string;
  readonly score: number;
  readonly basis: string;
  readonly reason: { readonly zh: string; readonly en: string };
}

/** The checks intake ran at registration (never a rejection: 有访必录入), for the clerk's eyes on the receipt. */
export interface RegistrationChecks {
  readonly skipLevel: { readonly flagged: boolean; readonly competentUnitId: string | null; readonly reasons: readonly string[] };
  readonly repeat: RepeatMatch | null;
  readonly similarText?: RepeatMatch | null;
  readonly art19: { readonly notAccepted: boolean; readonly reasons: readonly string[] } | null;
  readonly finality: {
    readonly caseId: string;
    readonly caseNumber: string | null;
    readonly finalSince: string;
    readonly reasons: readonly string[];
    readonly decide: { readonly action: 'not-accept'; readonly properChannel: 'no-further-petition' };
  } | null;
  readonly lateReceipt?: { readonly days: number; readonly confirmedBy: string };
}

/** POST /api/intake/petitions */
export interface Registered {
  readonly caseId: string;
  readonly caseNumber: string;
  readonly queryCode: string;
  readonly checks?: RegistrationChecks;
  /** The place or category as given when the directory or the code table does not know them (the desk decides). */
  readonly asGiven?: { readonly placeCode?: string; readonly placeText?: string; readonly category?: string };
}

/** One suggested category of POST /api/intake/suggestions. */
export interface SuggestedCategory {
  readonly label1: string;
  readonly score: number;
  readonly category: { readonly code: string; readonly zh: string };
}

/** POST /api/intake/suggestions (智能分类) */
export interface Suggestion {
  readonly model: string;
  readonly readable: boolean;
  readonly suggested: SuggestedCategory;
  readonly top3: readonly SuggestedCategory[];
  readonly unit?:
    | { readonly manual: false; readonly unitId: string; readonly name: string; readonly mode: 'forward' | 'assign'; readonly reasons: readonly string[] }
    | { readonly manual: true; readonly reasons: readonly string[] };
  readonly note?: string;
}

/** GET /api/routing/cases/{caseId}/documents */
export interface DocumentRef {
  readonly id: string;
  readonly kind: string;
  readonly number: string;
  readonly unitId: string;
  readonly issuedAt: string;
}

/** GET /api/routing/desk */
export interface DeskItem {
  readonly caseId: string;
  readonly caseNumber: string | null;
  readonly status: CaseStatus | null;
  readonly category: string | null;
  readonly placeCode: string | null;
  readonly holdingUnitId: string | null;
  /** objection-pending | objected-twice | objection-approved | no-rule-matched | rule-error | awaiting-dispatch … */
  readonly reason: string;
  readonly objectedTwice: boolean;
  /** The latest objection's or the routing policy's words. */
  readonly detail: string | null;
  readonly dueAt: string | null;
  readonly version: number;
  readonly subject?: string;
}
export interface DeskPage {
  readonly items: DeskItem[];
  readonly total: number;
}
