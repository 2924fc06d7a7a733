import type { CaseVisibilityFacts } from '@sunshine/domain';

/** One status change of a case, as the live feed sends it. */
export interface StatusChange {
  readonly eventId: string;
  readonly caseId: string;
  readonly caseNumber: string | null;
  /** The event that changed it, e.g. `case.dispatched`. */
  readonly type: string;
  readonly fromStatus: string | null;
  readonly status: string | null;
  readonly stage: string;
  readonly holdingUnitId: string | null;
  readonly occurredAt: string;
}

/** What travels between instances (PostgreSQL NOTIFY): the change and the visibility facts the replica stored with it. */
export interface FeedNotice {
  readonly change: StatusChange;
  readonly facts: CaseVisibilityFacts;
}

/** The NOTIFY channel of a schema's feed (one per deployment / test run). */
export function feedChannel(schema: string): string {
  return `sunshine_feed_${schema}`.slice(0, 63);
}
