import type { RatingEntry, RatingSubject, Stage } from '@sunshine/contracts';

import type { PetitionFacts } from '../routing/petition-facts';
import { ClaimRouteTaxonomy, DEFAULT_CLAIM_ROUTE } from '../taxonomy/claim-routes.taxonomy';
import { type CaseState, emptyStageRecord, type StageRecord } from './case-state';

/** The record of a stage (the current one by default); an empty record when the stage never opened. */
export function stageRecord(state: CaseState, stage: Stage = state.stage): StageRecord {
  return state.stages[stage] ?? emptyStageRecord;
}

/**
 * Whether a stage's subject may still be rated by `enteredBy`: once per stage and subject, except that the petitioner's
 * own rating replaces a rating staff entered after a callback (回访): the petitioner's word prevails, never the reverse.
 */
export function mayRate(record: StageRecord, subject: RatingSubject, enteredBy: RatingEntry): boolean {
  if (record.ratings[subject] === undefined) return true;
  return enteredBy === 'citizen' && record.ratedBy[subject] === 'staff-callback';
}

/**
 * Whether the case has the review chain (复查 → 复核): only 申诉求决 claims handled on the petition route (Art 31, 35, 36).
 * A claim whose unit has not named a route yet counts as on the petition route.
 */
export function hasReviewChain(state: CaseState): boolean {
  if (state.type !== 'claim') return false;
  return ClaimRouteTaxonomy.get(state.claimRoute ?? DEFAULT_CLAIM_ROUTE)?.reviewChain ?? false;
}

/**
 * Units that take part in the case: every unit that ever held it plus the current assisting units, never the accused
 * unit of an accusation (Art 30). Visibility starts here; territory and the discipline chain are applied elsewhere.
 */
export function involvedUnitIds(state: CaseState): string[] {
  const units = new Set([...state.heldBy, ...state.assistingUnitIds]);
  if (state.accusedUnitId !== null) units.delete(state.accusedUnitId);
  return [...units];
}

/** The registered facts routing reads (type, category, place, receiving unit, channel …); null before registration. */
export function petitionFactsOf(state: CaseState): PetitionFacts | null {
  if (!state.type || !state.category || !state.placeCode || !state.receivingUnitId || !state.channel) return null;
  return {
    type: state.type,
    category: state.category,
    placeCode: state.placeCode,
    accusedUnitId: state.accusedUnitId ?? undefined,
    receivingUnitId: state.receivingUnitId,
    channel: state.channel,
  };
}

/**
 * The 交办 `unitId` owes a completion report (办结报告) on, and to whom; `reported` once it filed it; null when the
 * case was not assigned to it. A case folded before assignments were kept reads its latest 交办 (reported when a
 * report came after the latest dispatch).
 */
export function assignmentOwedBy(
  state: CaseState,
  unitId: string,
): { readonly unitId: string; readonly bureauUnitId: string } | 'reported' | null {
  const own = state.assignments.filter((a) => a.unitId === unitId);
  if (own.length > 0) return own.find((a) => !a.reported) ?? 'reported';
  const latest = state.assignment;
  if (latest === null || latest.unitId !== unitId) return null;
  const record = stageRecord(state);
  return record.assignmentReportedAt !== null && record.assignmentReportedAt >= (record.dispatchedAt ?? '') ? 'reported' : latest;
}
