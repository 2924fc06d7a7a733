import { Injectable } from '@nestjs/common';
import { BUREAU_KINDS, divisionLevelOf, divisionLineage, levelDepth } from '@sunshine/domain';
import { DirectoryReplicaService } from '@sunshine/platform';
import { divisionOfUnit } from '../shared/jurisdiction';

const COUNTY_DEPTH = levelDepth('county');

/**
 * Which petition bureau supervises a unit (督查督办, Art 39–40): the bureau of the unit's county or city (a township or
 * village answers to its county's bureau); a bureau answers to the bureau of the level above.
 */
@Injectable()
export class SupervisingBureauService {
  constructor(private readonly directory: DirectoryReplicaService) {}

  async supervisorOf(unitId: string): Promise<string | null> {
    const unit = await this.directory.unit(unitId);
    if (unit && BUREAU_KINDS.includes(unit.kind)) return this.parentBureauOf(unitId);
    const division = unit?.divisionCode ?? divisionOfUnit(unitId);
    if (!division) return null;
    return this.firstBureau(divisionLineage(division).filter((c) => levelDepth(divisionLevelOf(c)) <= COUNTY_DEPTH).reverse());
  }

  /** The bureau one level up (county → city → province), or null at the top. */
  async parentBureauOf(bureauId: string): Promise<string | null> {
    const unit = await this.directory.unit(bureauId);
    const division = unit?.divisionCode ?? divisionOfUnit(bureauId);
    if (!division) return null;
    const above = divisionLineage(division).slice(0, -1).filter((c) => levelDepth(divisionLevelOf(c)) <= COUNTY_DEPTH);
    return this.firstBureau(above.reverse());
  }

  async isBureau(unitId: string): Promise<boolean> {
    const unit = await this.directory.unit(unitId);
    return unit !== null && BUREAU_KINDS.includes(unit.kind);
  }

  private async firstBureau(codes: readonly string[]): Promise<string | null> {
    for (const code of codes) {
      const id = `${code}:petition-bureau`;
      if (await this.directory.unit(id)) return id;
    }
    return null;
  }
}
