import { type CaseState, ClaimRouteTaxonomy, hasReviewChain } from '@sunshine/domain';

/**
 * How a case is handled, as the notices word it: a claim's route (Art 31), or the procedure of a suggestion (Art 29)
 * or an accusation (Art 30). Only the petition route has the 60-day period (Art 34) and the review chain (Art 35, 36).
 */
export interface HandlingRoute {
  /** `petition`, another claim route code, `suggestion` or `accusation`. */
  readonly code: string;
  readonly reviewChain: boolean;
}

export function handlingRouteOf(state: CaseState): HandlingRoute {
  const code = state.type === 'claim' ? (state.claimRoute ?? 'petition') : (state.type ?? 'petition');
  return { code, reviewChain: hasReviewChain(state) };
}

const NO_60_DAYS = '不适用《信访工作条例》第三十四条规定的60日办理期限';
const NO_REVIEW = '不适用信访复查、复核程序（《信访工作条例》第三十五条、第三十六条）';

/** What the 受理告知书 says applies on a route without the Art 34 period (empty on the petition route). */
export function acceptanceRouteText(code: string): string | null {
  switch (code) {
    case 'petition':
    case 'claim':
      return null;
    case 'statutory-duty':
      return `本事项属于本机关依法履行职责的范围，本机关将依照《信访工作条例》第三十一条规定依法履行职责或者作出答复，办理期限依照相关法律、法规的规定，${NO_60_DAYS}。`;
    case 'suggestion':
      return '本机关将依照《信访工作条例》第二十九条规定对所提建议意见进行研究论证，并将采纳情况告知你（们）。';
    case 'accusation':
      return '本机关将依照《信访工作条例》第三十条规定依规依纪依法处理，对检举控告人及检举控告材料严格保密。';
    default:
      return `本事项依照《信访工作条例》第三十一条规定导入${ClaimRouteTaxonomy.label(code)}处理，办理期限依照该程序的规定，${NO_60_DAYS}。`;
  }
}

/** The remedy a reply states on a route without the review chain (Art 35 promises 复查 only on the petition route). */
export function replyRouteRemedy(code: string): string {
  switch (code) {
    case 'statutory-duty':
      return `本答复系本机关依法履行职责作出，${NO_REVIEW}；对本答复不服的，可以依法申请行政复议或者提起行政诉讼。`;
    case 'suggestion':
      return `本事项为建议意见，${NO_REVIEW}。`;
    case 'accusation':
      return `本事项为检举控告，依照《信访工作条例》第三十条规定处理，${NO_REVIEW}。`;
    default:
      return `本事项已导入${ClaimRouteTaxonomy.label(code)}，${NO_REVIEW}；请依照该程序的规定主张权利。`;
  }
}
