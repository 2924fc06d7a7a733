import type { CategoryCode, DivisionCode, OrgUnitSnapshot, UnitId } from '@sunshine/contracts';

import { villageCommitteeName } from './division-name';
import { OrgBuildError } from './org-build-error';
import type { TerritoryNode, TerritoryTree } from './territory-tree';
import { STANDARD_CITY_COUNTY_UNITS, type StandardUnit, type UnitNaming } from './unit-catalogue';

export interface BuildOrgUnitsOptions {
  /** Standard units of each city and county; defaults to STANDARD_CITY_COUNTY_UNITS. */
  catalogue?: readonly StandardUnit[];
  /** Snapshot revision to stamp (1 for a first seeding). */
  revision?: number;
}

export function unitIdOf(divisionCode: DivisionCode, kind: string): UnitId {
  return `${divisionCode}:${kind}`;
}

const ZONE = /(园区|开发区|聚集区|集聚区|示范区|管理区|新区|新城)$/;

/**
 * The standard units of every division in the tree, as `org.unit-snapshot` payloads:
 * - city and county: the catalogue (党委、纪委监委、政法委、政府、信访局、工作部门、法院 …);
 * - a county-level zone (类似县级, e.g. 新乡高新区): its 管理委员会 and its 信访办公室, no departments;
 * - township/street: 人民政府 or 街道办事处, 信访办, 纪委/纪工委; a farm or zone: its administration and 信访办;
 * - village/community: the committee (村委会/居委会).
 * Ids are `<division code>:<kind>`; a unit's parent is the nearest unit of the rule's kind up the territory.
 */
export function buildOrgUnits(tree: TerritoryTree, options: BuildOrgUnitsOptions = {}): OrgUnitSnapshot[] {
  const catalogue = options.catalogue ?? STANDARD_CITY_COUNTY_UNITS;
  const revision = options.revision ?? 1;
  const units = new Map<UnitId, OrgUnitSnapshot>();
  const add = (
    node: TerritoryNode,
    kind: string,
    name: string,
    parentId: UnitId | null,
    competences: readonly CategoryCode[] = [],
  ): void => {
    const id = unitIdOf(node.code, kind);
    units.set(id, {
      id,
      name,
      kind,
      divisionCode: node.code,
      level: node.level,
      territoryPath: [...node.path],
      parentId,
      competences: [...competences],
      nonAdministrative: node.nonAdministrative,
      revision,
    });
  };
  // nearest unit of `kind` at the node's ancestors (or at the node itself when `self`)
  const up = (node: TerritoryNode, kind: string, self = false): UnitId | null => {
    const codes = self ? node.path : node.path.slice(0, -1);
    for (let i = codes.length - 1; i >= 0; i--) {
      const id = unitIdOf(codes[i], kind);
      if (units.has(id)) return id;
    }
    return null;
  };

  const visit = (node: TerritoryNode, city: TerritoryNode): void => {
    if (node.level === 'city' || (node.level === 'county' && !node.nonAdministrative)) {
      const naming: UnitNaming = { name: node.name, short: shortName(node.name), level: node.level, cityName: city.name };
      for (const std of catalogue) {
        const parent = std.parent === 'upper-same-kind' ? up(node, std.kind) : up(node, std.parent, true);
        add(node, std.kind, std.name(naming), parent, std.competences);
      }
    } else if (node.level === 'county') {
      add(node, 'government', `${node.name}管理委员会`, up(node, 'government'), ['other']);
      add(node, 'petition-bureau', `${node.name}信访办公室`, unitIdOf(node.code, 'government'));
    } else if (node.level === 'township') {
      addTownship(node);
    } else if (node.level === 'village') {
      add(node, 'village-committee', villageCommitteeName(node.name), up(node, 'government'));
    }
    node.children.forEach((child) => visit(child, city));
  };
  const addTownship = (node: TerritoryNode): void => {
    const street = node.name.endsWith('街道');
    const government = node.nonAdministrative
      ? ZONE.test(node.name)
        ? `${node.name}管理委员会`
        : node.name
      : street
        ? `${node.name}办事处`
        : `${node.name}人民政府`;
    add(node, 'government', government, up(node, 'government'), ['other']);
    add(node, 'petition-office', `${node.name}信访办`, unitIdOf(node.code, 'government'));
    if (!node.nonAdministrative) add(node, 'discipline', `${node.name}${street ? '纪工委' : '纪委'}`, up(node, 'discipline'));
  };

  for (const city of tree.roots) visit(city, city);
  const missing = [...units.values()].filter((x) => x.level !== 'city' && x.parentId === null).map((x) => `${x.id}: no parent`);
  if (missing.length > 0) throw new OrgBuildError(missing);
  return [...units.values()];
}

/** 延津县 → 延津, 新乡市 → 新乡, 红旗区 → 红旗 (names of two characters stay whole). */
export function shortName(name: string): string {
  return name.length > 2 && /[县区市旗]$/.test(name) ? name.slice(0, -1) : name;
}
