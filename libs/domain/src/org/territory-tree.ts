import type { DivisionCode, TerritoryLevel } from '@sunshine/contracts';

import { divisionLevelOf, levelDepth, toDivisionCode } from './division-code';
import { normaliseDivisionName } from './division-name';
import { type DivisionRow, divisionRowSchema } from './division-row';
import { isNonAdministrativeDivision } from './non-administrative';
import { OrgBuildError } from './org-build-error';

export interface TerritoryNode {
  code: DivisionCode;
  /** Normalised name, e.g. "文岩村". */
  name: string;
  /** The name as the data source wrote it, e.g. "文岩村村民委员会". */
  officialName: string;
  level: TerritoryLevel;
  parentCode: DivisionCode | null;
  nonAdministrative: boolean;
  /** Division codes from the city down to this node. */
  path: DivisionCode[];
  children: TerritoryNode[];
}

export interface TerritoryTree {
  /** The cities (the tree's roots; provinces are not part of it). */
  roots: TerritoryNode[];
  byCode: ReadonlyMap<DivisionCode, TerritoryNode>;
}

/**
 * Builds the tree city → county/district → township/street → village/community from division rows (any order).
 * Province rows are skipped; every other row needs its parent among the rows, one level up or more (a city
 * without counties, like 东莞市, has townships directly). Children are sorted by code.
 */
export function buildTerritoryTree(rows: readonly DivisionRow[]): TerritoryTree {
  const problems: string[] = [];
  const byCode = new Map<DivisionCode, TerritoryNode>();
  for (const raw of rows) {
    const parsed = divisionRowSchema.safeParse(raw);
    if (!parsed.success) {
      problems.push(`row ${JSON.stringify(raw)}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
      continue;
    }
    const row = parsed.data;
    if (row.level === 'province') continue;
    const code = toDivisionCode(row.code);
    if (divisionLevelOf(code) !== row.level) problems.push(`${row.code} ${row.name}: code is not a ${row.level} code`);
    if (byCode.has(code)) problems.push(`${row.code}: listed twice`);
    byCode.set(code, {
      code,
      name: normaliseDivisionName(row.name, row.level),
      officialName: row.name,
      level: row.level,
      parentCode: row.level === 'city' || row.parentCode === null ? null : toDivisionCode(row.parentCode),
      nonAdministrative: isNonAdministrativeDivision(code, row.name, row.level),
      path: [],
      children: [],
    });
  }
  const roots: TerritoryNode[] = [];
  for (const node of [...byCode.values()].sort((a, b) => a.code.localeCompare(b.code))) {
    if (node.level === 'city') {
      roots.push(node);
      continue;
    }
    const parent = node.parentCode === null ? undefined : byCode.get(node.parentCode);
    if (!parent) problems.push(`${node.code} ${node.officialName}: parent ${node.parentCode ?? '(none)'} not among the rows`);
    else if (levelDepth(parent.level) >= levelDepth(node.level)) problems.push(`${node.code}: parent is not above it`);
    else parent.children.push(node);
  }
  if (problems.length > 0) throw new OrgBuildError(problems);
  const setPaths = (node: TerritoryNode, above: DivisionCode[]): void => {
    node.path = [...above, node.code];
    node.children.forEach((c) => setPaths(c, node.path));
  };
  roots.forEach((r) => setPaths(r, []));
  return { roots, byCode };
}
