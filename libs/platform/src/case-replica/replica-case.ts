import type { CaseState, CaseVisibilityFacts } from '@sunshine/domain';

/** A case as every service's replica holds it: the shared fold, its revision and the visibility facts. */
export interface ReplicaCase {
  readonly state: CaseState;
  /** The version clients send back (If-Match): moves with intake's and routing's facts only (see revisionAfter). */
  readonly revision: number;
  readonly facts: CaseVisibilityFacts;
}

/** One event applied to the replica: the case before and after it. */
export interface CaseChange<E> {
  readonly event: E;
  readonly before: CaseState;
  readonly after: CaseState;
}
