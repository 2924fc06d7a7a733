import type {
  CaseStatus,
  Channel,
  CitizenWindow,
  ClaimRoute,
  ClockKind,
  DispatchMode,
  ManualDispatchReason,
  PetitionType,
  RatingEntry,
  RatingScore,
  RatingSubject,
  ReplyOutcome,
  ReviewStage,
  ServiceMethod,
  Stage,
} from '@sunshine/contracts';

/** The written reply of one stage (信访处理意见书 / 复查意见书 / 复核意见书). */
export interface ReplyRecord {
  readonly unitId: string;
  readonly outcome: ReplyOutcome;
  readonly documentRef: string;
  readonly approvedBy: string;
}

/** What happened in one stage, with the timestamps (event `occurredAt`, UTC) the clocks and KPIs start from. */
export interface StageRecord {
  readonly openedAt: string | null;
  /** The unit the stage started at (the receiving unit for the original stage, the higher unit for reviews). */
  readonly openedAtUnitId: string | null;
  /** The latest dispatch in the stage: the holding unit's receipt, from which acceptance and objection clocks run. */
  readonly dispatchedAt: string | null;
  readonly signedAt: string | null;
  readonly acceptedAt: string | null;
  /** The first unit that accepted in the stage: the one rated (谁初次办理、谁接受评价). */
  readonly acceptedByUnitId: string | null;
  readonly notAcceptedAt: string | null;
  readonly handlingStartedAt: string | null;
  readonly repliedAt: string | null;
  readonly reply: ReplyRecord | null;
  /** When the written reply reached the petitioner (`case.reply-served`): the rating and review windows run from here. */
  readonly servedAt: string | null;
  readonly servedMethod: ServiceMethod | null;
  /** Days of extension approved in the stage (Art 34: at most 30). */
  readonly extensionDays: number;
  /** Days asked for and not yet decided. */
  readonly pendingExtensionDays: number | null;
  /** 交办: when the completion report (办结报告) reached the bureau. */
  readonly assignmentReportedAt: string | null;
  /** When the petitioner asked for the next stage after this stage's reply. */
  readonly nextStageRequestedAt: string | null;
  /** When the case was closed, finalized or withdrawn during this stage. */
  readonly endedAt: string | null;
  readonly ratings: Readonly<Partial<Record<RatingSubject, RatingScore>>>;
  /** Who entered each rating: the petitioner's own (`citizen`) prevails over a staff callback (`staff-callback`). */
  readonly ratedBy: Readonly<Partial<Record<RatingSubject, RatingEntry>>>;
  /** Citizen windows that supervision declared expired for this stage's reply. */
  readonly expiredWindows: readonly CitizenWindow[];
}

export interface DispatchRecord {
  readonly fromUnitId: string;
  readonly toUnitId: string;
  readonly mode: DispatchMode;
  readonly hop: number;
  readonly feedbackDueAt: string | null;
}

export interface OverdueMark {
  readonly clock: ClockKind;
  readonly stage: Stage;
  readonly unitId: string;
  readonly dueAt: string;
}

/** Flags, not statuses (DESIGN §4). */
export interface CaseFlags {
  readonly hearingPaused: boolean;
  /** A supervision order was ever issued (督办). */
  readonly supervised: boolean;
  readonly openOrders: readonly { readonly orderId: string; readonly unitId: string }[];
  /** 领导包案: the leader in charge. */
  readonly leaderRef: string | null;
  /** 积案 */
  readonly backlog: boolean;
  /** 重复访: the earlier case of the same matter. */
  readonly repeatOf: string | null;
  /** 并单: the case this one was merged into and ended for (case.closed `merged`), which carries on. */
  readonly mergedInto: { readonly caseId: string; readonly caseNumber: string | null } | null;
  /** 越级 */
  readonly skipLevel: boolean;
  /** 集体访 */
  readonly collective: boolean;
  /** 检举控告 confidentiality (Art 30, 46). */
  readonly confidential: boolean;
  /** 涉法涉诉 (诉访分离). */
  readonly lawsuit: boolean;
  /** Waiting for a person at a dispatch desk, and why; cleared by the next dispatch. */
  readonly manualDispatch: ManualDispatchReason | null;
  readonly escalationStep: number;
  /** 重大紧急: reported up (Art 25). */
  readonly reportedUp: boolean;
  /** Clocks that ran out (history: never cleared, KPIs count them). */
  readonly overdue: readonly OverdueMark[];
}

/** The facts of the case after an event that the clock rules read (clockEffects). Never personal data. */
export interface ClockFacts {
  readonly stage: Stage;
  readonly type: PetitionType | null;
  readonly holdingUnitId: string | null;
  /** A claim on the petition route (Art 31 ⑥): its handling clock and the review chain's windows. */
  readonly reviewChain: boolean;
  /** The place the case concerns: the jurisdiction whose deadline policies apply. */
  readonly placeCode: string | null;
}

/**
 * One case-log event as the clocks read it: its id, type and instant, the payload fields a clock rule reads
 * (CLOCK_PAYLOAD_FIELDS: ids, codes, dates) and the case's facts after it. Never personal data or free text.
 */
export interface ClockLogEntry {
  readonly eventId: string;
  readonly type: string;
  readonly occurredAt: string;
  readonly payload: Readonly<Record<string, string | number>>;
  readonly facts: ClockFacts;
}

/** The projection of one case, folded from its events (the same fold in every service). */
export interface CaseState {
  readonly caseId: string | null;
  readonly caseNumber: string | null;
  /** null until `petition.registered`. */
  readonly status: CaseStatus | null;
  readonly stage: Stage;
  readonly channel: Channel | null;
  readonly type: PetitionType | null;
  readonly category: string | null;
  /** How the accepting unit handles a claim (Art 31); null until accepted, or for other types. */
  readonly claimRoute: ClaimRoute | null;
  readonly placeCode: string | null;
  readonly receivingUnitId: string | null;
  /** Accusations: the accused unit, which must never see the case (Art 30). */
  readonly accusedUnitId: string | null;
  readonly receivedAt: string | null;
  readonly registeredAt: string | null;
  /** Persons (人次): 1 for an individual petition. */
  readonly headCount: number;
  readonly holdingUnitId: string | null;
  /** Every unit that ever held the case, in the order they first held it (visibility). */
  readonly heldBy: readonly string[];
  /** 协办 units of the current stage. */
  readonly assistingUnitIds: readonly string[];
  readonly handlerId: string | null;
  readonly lastDispatch: DispatchRecord | null;
  /** The current stage's latest 交办: who owes a completion report (办结报告) to which unit. */
  readonly assignment: { readonly unitId: string; readonly bureauUnitId: string } | null;
  /**
   * Every 交办 of the current stage, in order, and whether its report was filed: a township that was assigned a case
   * by the county bureau and assigns it on to a village owes its own report while the village owes the township one.
   */
  readonly assignments: readonly { readonly unitId: string; readonly bureauUnitId: string; readonly reported: boolean }[];
  readonly objections: {
    /** Objections ever raised on the case, whatever was decided ("objected twice" at 2). */
    readonly count: number;
    readonly pending: { readonly unitId: string; readonly bureauUnitId: string } | null;
    readonly byUnit: readonly string[];
  };
  /** A review or re-review the petitioner asked for that has not been opened yet. */
  readonly reviewRequested: ReviewStage | null;
  readonly flags: CaseFlags;
  readonly stages: Readonly<Partial<Record<Stage, StageRecord>>>;
  /** The events the clocks read, in log order (every clock of the case is a fold of this: clockHistory). */
  readonly clockLog: readonly ClockLogEntry[];
  readonly lastEventId: string | null;
  readonly lastEventAt: string | null;
  /** The number of events applied (skipped ones do not count). */
  readonly version: number;
}

export const emptyStageRecord: StageRecord = {
  openedAt: null,
  openedAtUnitId: null,
  dispatchedAt: null,
  signedAt: null,
  acceptedAt: null,
  acceptedByUnitId: null,
  notAcceptedAt: null,
  handlingStartedAt: null,
  repliedAt: null,
  reply: null,
  servedAt: null,
  servedMethod: null,
  extensionDays: 0,
  pendingExtensionDays: null,
  assignmentReportedAt: null,
  nextStageRequestedAt: null,
  endedAt: null,
  ratings: {},
  ratedBy: {},
  expiredWindows: [],
};

/** The state before any event: fold starts here. */
export function initialCaseState(caseId: string | null = null): CaseState {
  return {
    caseId,
    caseNumber: null,
    status: null,
    stage: 'original',
    channel: null,
    type: null,
    category: null,
    claimRoute: null,
    placeCode: null,
    receivingUnitId: null,
    accusedUnitId: null,
    receivedAt: null,
    registeredAt: null,
    headCount: 1,
    holdingUnitId: null,
    heldBy: [],
    assistingUnitIds: [],
    handlerId: null,
    lastDispatch: null,
    assignment: null,
    assignments: [],
    objections: { count: 0, pending: null, byUnit: [] },
    reviewRequested: null,
    flags: {
      hearingPaused: false,
      supervised: false,
      openOrders: [],
      leaderRef: null,
      backlog: false,
      repeatOf: null,
      mergedInto: null,
      skipLevel: false,
      collective: false,
      confidential: false,
      lawsuit: false,
      manualDispatch: null,
      escalationStep: 0,
      reportedUp: false,
      overdue: [],
    },
    stages: { original: emptyStageRecord },
    clockLog: [],
    lastEventId: null,
    lastEventAt: null,
    version: 0,
  };
}
