import { Injectable } from '@nestjs/common';
import {
  caseAccess,
  type CaseAccessLevel,
  caseViewerOf,
  type CaseVisibilityFacts,
  DISCIPLINE_KINDS,
  divisionLineage,
  type OrgDirectory,
} from '@sunshine/domain';
import { CaseVisibility, DomainException, OrgDirectorySource, type StaffPrincipal } from '@sunshine/platform';
import type { EntityManager } from 'typeorm';

import { SupervisingBureauService } from './supervising-bureau.service';

/** What a refusal names: the act, e.g. `{ zh: '发出督办单', en: 'issues supervision orders' }` (as SupervisingBureauService.assertBureau). */
export interface SupervisionAct {
  readonly zh: string;
  readonly en: string;
}

/**
 * Who may be a party to supervision on a case (督办单, 催办, 领导包案), by the one visibility rule (libs/domain
 * case-visibility) applied to the units of the directory:
 * - on an accusation (检举控告, confidential) only the discipline-inspection chain, i.e. the units whose access is `full`,
 *   orders, is ordered, chases and takes charge (《信访工作条例》第30、46条): the accused side never learns of it by an
 *   order, a reminder or a leader in charge;
 * - on any case an order goes to a unit the directory knows and that may see the case (at least its facts), and comes
 *   from a unit that sees it.
 * The policy's orders and escalations on an accusation go up the discipline chain (上级纪检监察机关), not to a bureau.
 */
@Injectable()
export class OrderParties {
  constructor(
    private readonly directory: OrgDirectorySource,
    private readonly visibility: CaseVisibility,
    private readonly bureaus: SupervisingBureauService,
  ) {}

  /** What the unit may know of the case, as the directory knows the unit; null for a unit it does not know. */
  async accessOf(unitId: string, facts: CaseVisibilityFacts, m?: EntityManager): Promise<CaseAccessLevel | null> {
    return unitAccess(await this.directory.current(m), unitId, facts);
  }

  /**
   * 403 unless the caller may `act` by hand on this case (the caller already sees it): on an accusation the discipline
   * chain (DISCIPLINE_CHAIN_ONLY); otherwise, when `bureauOnly`, a petition bureau (BUREAU_ONLY).
   */
  async assertActor(
    staff: StaffPrincipal,
    facts: CaseVisibilityFacts,
    act: SupervisionAct,
    bureauOnly: boolean,
    m?: EntityManager,
  ): Promise<void> {
    if (facts.confidential) {
      if ((await this.visibility.access(staff, facts, m)) !== 'full') throw disciplineChainOnly(act);
      return;
    }
    if (bureauOnly) await this.bureaus.assertBureau(staff.unitId, act);
  }

  /**
   * Why an order from `byUnitId` to `unitId` may not go out on this case (422), or null when it may: the ordered unit
   * must be in the directory (ORDER_UNIT_UNKNOWN) and see the case (ORDER_UNIT_CANNOT_SEE_CASE); on an accusation both
   * must be of the discipline chain (ORDER_DISCIPLINE_CHAIN_ONLY).
   */
  async refusal(facts: CaseVisibilityFacts, unitId: string, byUnitId: string, m?: EntityManager): Promise<DomainException | null> {
    const directory = await this.directory.current(m);
    const ordered = unitAccess(directory, unitId, facts);
    if (ordered === null) {
      return new DomainException(
        'ORDER_UNIT_UNKNOWN',
        'unprocessable',
        { zh: `单位目录中没有该单位（${unitId}），不能向其发出督办单`, en: `no unit ${unitId} in the directory` },
        { unitId },
      );
    }
    if (ordered === 'none') {
      return new DomainException(
        'ORDER_UNIT_CANNOT_SEE_CASE',
        'unprocessable',
        { zh: `该单位（${unitId}）无权知悉本信访事项，不能向其发出督办单`, en: `${unitId} may not see this case: no order can go to it` },
        { unitId },
      );
    }
    if (facts.confidential && (ordered !== 'full' || unitAccess(directory, byUnitId, facts) !== 'full')) {
      return new DomainException(
        'ORDER_DISCIPLINE_CHAIN_ONLY',
        'unprocessable',
        {
          zh: '检举控告事项的督办单只能由有管辖权的纪检监察机关发出、并只能发给纪检监察机关（《信访工作条例》第三十条、第四十六条）',
          en: 'an order on an accusation goes only from and to the discipline-inspection chain (Art 30, 46)',
        },
        { unitId },
      );
    }
    return null;
  }

  /**
   * Who supervises `unitId` on this case by policy: on an accusation the nearest discipline organ above it in the chain
   * (else none); otherwise `named` (e.g. the bureau deciding an objection) or the unit's supervising bureau.
   */
  async supervisorOf(unitId: string, facts: CaseVisibilityFacts, named: string | null, m?: EntityManager): Promise<string | null> {
    if (facts.confidential) return this.disciplineAbove(unitId, facts, m);
    return named ?? this.bureaus.supervisorOf(unitId, m);
  }

  /** Where an unanswered order goes up from `supervisingUnitId`: the discipline organ above on an accusation, else the bureau above. */
  async escalationTargetOf(supervisingUnitId: string, facts: CaseVisibilityFacts, m?: EntityManager): Promise<string | null> {
    if (facts.confidential) return this.disciplineAbove(supervisingUnitId, facts, m);
    return this.bureaus.parentBureauOf(supervisingUnitId, m);
  }

  /** The nearest discipline organ at a level above the unit that the case's chain gives full access; null when none. */
  private async disciplineAbove(unitId: string, facts: CaseVisibilityFacts, m?: EntityManager): Promise<string | null> {
    const directory = await this.directory.current(m);
    const unit = directory.get(unitId);
    if (!unit) return null;
    const above = divisionLineage(unit.divisionCode)
      .filter((c) => c !== unit.divisionCode)
      .reverse();
    for (const code of above) {
      for (const kind of DISCIPLINE_KINDS) {
        const organ = directory.find(code, kind);
        if (organ && unitAccess(directory, organ.id, facts) === 'full') return organ.id;
      }
    }
    return null;
  }
}

function unitAccess(directory: OrgDirectory, unitId: string, facts: CaseVisibilityFacts): CaseAccessLevel | null {
  const unit = directory.get(unitId);
  return unit ? caseAccess(facts, caseViewerOf(unitId, directory, unit.divisionCode)).access : null;
}

/** 403: on an accusation only the discipline-inspection chain may `act`. */
export function disciplineChainOnly(act: SupervisionAct): DomainException {
  return new DomainException('DISCIPLINE_CHAIN_ONLY', 'forbidden', {
    zh: `检举控告事项只能由有管辖权的纪检监察机关${act.zh}（《信访工作条例》第三十条、第四十六条）`,
    en: `on an accusation only the discipline-inspection chain ${act.en} (Art 30, 46)`,
  });
}
