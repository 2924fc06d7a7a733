import { Injectable } from '@nestjs/common';
import { BUREAU_KINDS, divisionLevelOf, divisionLineage, levelDepth, type OrgDirectory } from '@sunshine/domain';
import { DomainException, OrgDirectorySource } from '@sunshine/platform';
import type { EntityManager } from 'typeorm';

const COUNTY_DEPTH = levelDepth('county');

/**
 * Which petition bureau supervises a unit (督查督办, Art 39–40): the bureau of the unit's county or city (a township or
 * village answers to its county's bureau); a bureau answers to the bureau of the level above. Units and their
 * divisions come from the directory only (a unit it does not know has no supervisor).
 */
@Injectable()
export class SupervisingBureauService {
  constructor(private readonly directory: OrgDirectorySource) {}

  async supervisorOf(unitId: string, m?: EntityManager): Promise<string | null> {
    const directory = await this.directory.current(m);
    const unit = directory.get(unitId);
    if (!unit) return null;
    if (BUREAU_KINDS.includes(unit.kind)) return bureauAbove(directory, unit.divisionCode);
    return firstBureau(
      directory,
      divisionLineage(unit.divisionCode)
        .filter((c) => levelDepth(divisionLevelOf(c)) <= COUNTY_DEPTH)
        .reverse(),
    );
  }

  /** The bureau one level up (county → city → province), or null at the top. */
  async parentBureauOf(bureauId: string, m?: EntityManager): Promise<string | null> {
    const directory = await this.directory.current(m);
    const unit = directory.get(bureauId);
    return unit ? bureauAbove(directory, unit.divisionCode) : null;
  }

  async isBureau(unitId: string, m?: EntityManager): Promise<boolean> {
    const unit = (await this.directory.current(m)).get(unitId);
    return unit !== undefined && BUREAU_KINDS.includes(unit.kind);
  }

  /** 403 BUREAU_ONLY unless the caller's unit is a petition bureau: only a bureau `does` this (督查督办 is theirs). */
  async assertBureau(unitId: string, does: { readonly zh: string; readonly en: string }): Promise<void> {
    if (await this.isBureau(unitId)) return;
    throw new DomainException('BUREAU_ONLY', 'forbidden', { zh: `只有信访部门可以${does.zh}`, en: `only a petition bureau ${does.en}` });
  }
}

function bureauAbove(directory: OrgDirectory, divisionCode: string): string | null {
  const above = divisionLineage(divisionCode)
    .slice(0, -1)
    .filter((c) => levelDepth(divisionLevelOf(c)) <= COUNTY_DEPTH);
  return firstBureau(directory, above.reverse());
}

function firstBureau(directory: OrgDirectory, codes: readonly string[]): string | null {
  for (const code of codes) {
    const bureau = directory.find(code, 'petition-bureau');
    if (bureau) return bureau.id;
  }
  return null;
}
