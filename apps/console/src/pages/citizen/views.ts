// What the portal reads from intake's /public/* answers (their success bodies are not in the OpenAPI document yet;
// the shapes are intake's self-service services': Submitted, Progress, ReceptionView).

export interface Labelled {
  readonly code: string;
  readonly zh: string;
  readonly en: string;
}

/** POST /public/petitions */
export interface Submitted {
  readonly caseNumber: string;
  readonly queryCode: string;
  readonly receivingUnit: { readonly id: string; readonly name: string };
  readonly identity: { readonly status: 'unverified'; readonly note: { readonly zh: string; readonly en: string } };
}

export interface CitizenClock {
  readonly kind: string;
  readonly label: string;
  readonly article: string;
  readonly stage: string;
  readonly startAt: string;
  readonly dueAt: string;
  readonly lastDay: string;
  readonly provisional: boolean;
  readonly paused: boolean;
  readonly extensionDays?: number;
}

/** POST /public/cases/progress */
export interface Progress {
  readonly caseNumber: string;
  readonly registeredAt: string | null;
  readonly channel: Labelled | null;
  readonly type: Labelled | null;
  readonly category: Labelled | null;
  readonly stage: Labelled;
  readonly status: Labelled | null;
  readonly handlingUnit: { readonly id: string; readonly name: string | null } | null;
  readonly deadlines: readonly CitizenClock[];
  readonly reply:
    | ({ readonly outcome: Labelled; readonly repliedAt: string | null; readonly servedAt: string | null } & (
        | { readonly available: true; readonly text: string | null; readonly documentRef: string | null }
        | { readonly available: false; readonly note: { readonly zh: string; readonly en: string } }
      ))
    | null;
  readonly ratings: ReadonlyArray<{ readonly stage: string; readonly subject: string; readonly score: Labelled }>;
  readonly canRate: ReadonlyArray<{ readonly stage: 'original' | 'review' | 're-review'; readonly subject: 'handling-unit' | 'bureau'; readonly until: string }>;
  readonly canRequestReview: { readonly stage: 'review' | 're-review'; readonly until: string } | null;
  readonly canWithdraw: boolean;
  readonly notAccepted: {
    readonly decidedAt: string;
    readonly unit: { readonly id: string; readonly name: string | null };
    readonly reason: { readonly code: string; readonly text: string | null };
    readonly properChannel: Labelled;
    readonly channelUnit: { readonly id: string; readonly name: string | null } | null;
  } | null;
}

/** GET /public/receptions */
export interface Reception {
  readonly id: string;
  readonly unitId: string;
  readonly unitName: string | null;
  readonly leaderName: string;
  readonly leaderTitle: string;
  readonly startsAt: string;
  readonly endsAt: string;
  readonly place: string;
  readonly capacity: number;
  readonly booked: number;
}
