import type { VisibilityFacts } from '../shared/visibility.service';

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

/** What travels between instances (PostgreSQL NOTIFY): the change and the facts visibility needs. */
export interface FeedNotice {
  readonly change: StatusChange;
  readonly facts: VisibilityFacts;
}

/** The NOTIFY channel of a schema's feed (one per deployment / test run). */
export function feedChannel(schema: string): string {
  return `sunshine_feed_${schema}`.slice(0, 63);
}
