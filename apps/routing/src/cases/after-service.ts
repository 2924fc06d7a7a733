import { type CaseCommand, type CaseState, hasReviewChain } from '@sunshine/domain';

/**
 * What follows once a written reply reached the petitioner: a re-review's reply is final (不再受理, Art 36); a case
 * with no review chain (suggestions, accusations, claims led into another procedure, Art 29–31) closes. A claim on
 * the petition route stays `replied` until its review window passes (supervision's case.window-expired).
 */
export function commandAfterService(state: CaseState): CaseCommand | null {
  if (state.status !== 'replied' || !state.holdingUnitId) return null;
  if (state.stage === 're-review') return { name: 'finalize', payload: { unitId: state.holdingUnitId } };
  if (!hasReviewChain(state)) {
    const code = state.type === 'claim' ? 'other-procedure' : 'no-review-chain';
    return { name: 'close', payload: { unitId: state.holdingUnitId, reason: { code } } };
  }
  return null;
}
