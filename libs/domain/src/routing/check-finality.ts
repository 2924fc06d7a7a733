import { stageRecord } from '../lifecycle/case-selectors';
import type { CaseState } from '../lifecycle/case-state';

export interface FinalityCheck {
  /** The earlier matter is final (复核终结): the same matter on the same facts and reasons is not accepted again. */
  readonly final: boolean;
  /** Since when: the re-review's written opinion (复核意见), else the case's finalization; null when not final. */
  readonly finalSince: string | null;
  readonly reasons: readonly string[];
}

/**
 * Art 36: once the re-review organ has given its written opinion (复核意见) the matter is final; a petition on the same
 * matter with the same facts and reasons is not accepted again (不再受理). The new petition is still registered
 * (有访必录入): this only tells the bureau, which decides 不予受理 (proper channel `no-further-petition`).
 */
export function checkFinality(earlier: CaseState): FinalityCheck {
  const reReview = stageRecord(earlier, 're-review');
  const since = reReview.repliedAt ?? (earlier.status === 'finalized' ? (reReview.endedAt ?? earlier.lastEventAt) : null);
  if (since === null || earlier.status === 'withdrawn') return { final: false, finalSince: null, reasons: [] };
  return {
    final: true,
    finalSince: since,
    reasons: [
      `同一事项已经复核终结（信访事项${earlier.caseNumber ?? earlier.caseId ?? ''}）；信访人仍以同一事实和理由提出的，不再受理（《信访工作条例》第三十六条）`,
    ],
  };
}
