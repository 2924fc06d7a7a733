import { Injectable } from '@nestjs/common';
import { caseAccess, type CaseAccessLevel, type CaseViewer, caseViewerOf, type CaseVisibilityFacts } from '@sunshine/domain';
import type { EntityManager } from 'typeorm';

import type { StaffPrincipal } from '../auth/staff-claims';
import { OrgDirectorySource } from '../directory/org-directory.source';
import { CASE_NOT_FOUND } from '../errors/decision-exception';
import { caseVisibilitySql, type VisibilitySql } from './visibility-sql';

/**
 * The one visibility rule (libs/domain case-visibility) applied to a caller, in code for one case and as SQL for lists:
 * a case the caller may not see answers 404, exactly as one that does not exist.
 */
@Injectable()
export class CaseVisibility {
  constructor(private readonly directory: OrgDirectorySource) {}

  async viewer(staff: StaffPrincipal, m?: EntityManager): Promise<CaseViewer> {
    return caseViewerOf(staff.unitId, await this.directory.current(m), staff.divisionCode);
  }

  async access(staff: StaffPrincipal, facts: CaseVisibilityFacts, m?: EntityManager): Promise<CaseAccessLevel> {
    return caseAccess(facts, await this.viewer(staff, m)).access;
  }

  /** Throws CASE_NOT_FOUND unless the caller sees the case at least at `needed`; returns the level it has. */
  async assert(
    staff: StaffPrincipal,
    facts: CaseVisibilityFacts,
    needed: 'facts-only' | 'full' = 'facts-only',
    m?: EntityManager,
  ): Promise<CaseAccessLevel> {
    const level = await this.access(staff, facts, m);
    if (level === 'none' || (needed === 'full' && level !== 'full')) throw CASE_NOT_FOUND;
    return level;
  }

  /** The rule as a SQL condition over `case_replica` aliased `alias`, parameters numbered from `from`. */
  async sql(staff: StaffPrincipal, from: number, alias = 'c', m?: EntityManager): Promise<VisibilitySql> {
    return caseVisibilitySql(await this.viewer(staff, m), from, alias);
  }
}
