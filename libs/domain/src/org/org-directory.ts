import type { CategoryCode, DivisionCode, OrgUnitSnapshot, UnitId } from '@sunshine/contracts';

import { divisionAt, divisionContains, divisionLevelOf, levelAt, levelDepth } from './division-code';
import { OrgBuildError } from './org-build-error';

/**
 * The org directory as routing and intake read it: every unit snapshot, indexed by id, by division and by kind.
 * Optional division names (from the territory tree) make reasons read "延津县东屯镇" instead of a code.
 */
export class OrgDirectory {
  private readonly byId = new Map<UnitId, OrgUnitSnapshot>();
  private readonly byDivision = new Map<DivisionCode, OrgUnitSnapshot[]>();

  private constructor(
    readonly units: readonly OrgUnitSnapshot[],
    private readonly names: ReadonlyMap<DivisionCode, string>,
  ) {
    for (const unit of units) {
      this.byId.set(unit.id, unit);
      const list = this.byDivision.get(unit.divisionCode) ?? [];
      list.push(unit);
      this.byDivision.set(unit.divisionCode, list);
    }
  }

  static of(units: readonly OrgUnitSnapshot[], divisionNames: ReadonlyMap<DivisionCode, string> = new Map()): OrgDirectory {
    return new OrgDirectory(units, divisionNames);
  }

  get(id: UnitId): OrgUnitSnapshot | undefined {
    return this.byId.get(id);
  }

  require(id: UnitId): OrgUnitSnapshot {
    const unit = this.byId.get(id);
    if (!unit) throw new OrgBuildError([`unit ${id} is not in the directory`]);
    return unit;
  }

  /** Units whose own territory is exactly `divisionCode`. */
  at(divisionCode: DivisionCode): readonly OrgUnitSnapshot[] {
    return this.byDivision.get(divisionCode) ?? [];
  }

  find(divisionCode: DivisionCode, kind: string): OrgUnitSnapshot | undefined {
    return this.at(divisionCode).find((u) => u.kind === kind);
  }

  /** Units at `divisionCode` competent for `category` (谁主管). */
  competentAt(divisionCode: DivisionCode, category: CategoryCode): OrgUnitSnapshot[] {
    return this.at(divisionCode).filter((u) => u.competences.includes(category));
  }

  /** Known divisions that contain `placeCode`, from the city down to the most specific one in the directory. */
  placeChain(placeCode: DivisionCode): DivisionCode[] {
    const depth = levelDepth(divisionLevelOf(placeCode));
    const chain: DivisionCode[] = [];
    for (let d = levelDepth('city'); d <= depth; d++) {
      const level = levelAt(d);
      const code = level === undefined ? undefined : divisionAt(placeCode, level);
      if (code !== undefined && this.byDivision.has(code)) chain.push(code);
    }
    return chain;
  }

  /** True when `unit`'s territory contains the place. */
  covers(unit: OrgUnitSnapshot, placeCode: DivisionCode): boolean {
    return divisionContains(unit.divisionCode, placeCode);
  }

  /** Parent chain of a unit, nearest first (not including the unit). */
  ancestors(id: UnitId): OrgUnitSnapshot[] {
    const out: OrgUnitSnapshot[] = [];
    const seen = new Set<UnitId>([id]);
    let next = this.byId.get(id)?.parentId ?? null;
    while (next !== null && !seen.has(next)) {
      seen.add(next);
      const unit = this.byId.get(next);
      if (!unit) break;
      out.push(unit);
      next = unit.parentId;
    }
    return out;
  }

  /** A division's name for people: the tree's name, else its government's or committee's name, else the code. */
  divisionName(code: DivisionCode): string {
    const named = this.names.get(code);
    if (named !== undefined) return named;
    const units = this.at(code);
    return (units.find((u) => u.kind === 'government') ?? units.find((u) => u.kind === 'village-committee'))?.name ?? code;
  }

  /** "新乡市延津县东屯镇" style label of a place, from the city down through the known divisions. */
  placeLabel(placeCode: DivisionCode): string {
    const chain = this.placeChain(placeCode);
    return chain.length === 0 ? placeCode : chain.map((c) => this.divisionName(c)).join('');
  }
}
