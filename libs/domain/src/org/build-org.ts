import type { DivisionCode, OrgUnitSnapshot } from '@sunshine/contracts';

import { buildOrgUnits, type BuildOrgUnitsOptions } from './build-org-units';
import type { DivisionRow } from './division-row';
import { OrgDirectory } from './org-directory';
import { buildTerritoryTree, type TerritoryTree } from './territory-tree';

export interface BuiltOrg {
  tree: TerritoryTree;
  units: OrgUnitSnapshot[];
  divisionNames: Map<DivisionCode, string>;
  directory: OrgDirectory;
}

/** Rows → territory tree → unit snapshots → directory, in one call (what the routing service seeds from). */
export function buildOrg(rows: readonly DivisionRow[], options: BuildOrgUnitsOptions = {}): BuiltOrg {
  const tree = buildTerritoryTree(rows);
  const units = buildOrgUnits(tree, options);
  const divisionNames = new Map([...tree.byCode.values()].map((n) => [n.code, n.name] as const));
  return { tree, units, divisionNames, directory: OrgDirectory.of(units, divisionNames) };
}
