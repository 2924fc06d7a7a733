import { Injectable } from '@nestjs/common';
import {
  BUREAU_KINDS,
  caseAccess,
  caseViewerOf,
  type CaseVisibilityFacts,
  DISCIPLINE_KINDS,
  divisionLineage,
  type OrgDirectory,
} from '@sunshine/domain';
import { CaseReplicaStore, CaseVisibility, OrgDirectorySource, type StaffPrincipal } from '@sunshine/platform';
import type { EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';

import type { CallerKeys } from '../core/petition.repository';
import { RepeatDetectorService, type RepeatMatch } from './repeat-detector.service';

/** A repeat the registering unit may not see, and the unit it is reported to instead. */
export interface HiddenRepeat extends RepeatMatch {
  readonly reportTo: string;
}

/** One report as its unit lists it. */
export interface RepeatReportView {
  readonly id: string;
  /** The case just registered. */
  readonly caseId: string;
  /** The petitioner's earlier case the registering unit may not see. */
  readonly earlierCaseId: string;
  readonly score: number;
  readonly reportedAt: string;
}

export interface RepeatReportQuery {
  readonly limit: number;
}

/**
 * 重复访报告 (issue 17 door 2): a registration whose petitioner has a similar earlier matter the registering unit may not
 * see (an accusation, a case of another jurisdiction) tells the registering unit nothing; the match is reported to the
 * unit that may see the earlier case in full — an accusation's discipline organ in the chain, else the earlier case's
 * territory bureau — and only that unit lists it, and only while it may see both cases (the one visibility rule).
 */
@Injectable()
export class RepeatReportsService {
  constructor(
    private readonly repeats: RepeatDetectorService,
    private readonly replica: CaseReplicaStore,
    private readonly directory: OrgDirectorySource,
    private readonly visibility: CaseVisibility,
  ) {}

  /** The match among the petitioner's cases `registrar` may not see, and whom to tell (null: none, or nobody may). */
  async findHidden(
    m: EntityManager,
    caller: CallerKeys,
    matter: { readonly subject: string; readonly content: string },
    registrar: { readonly unitId: string; readonly divisionCode: string },
  ): Promise<HiddenRepeat | null> {
    const directory = await this.directory.current(m);
    const viewer = caseViewerOf(registrar.unitId, directory, registrar.divisionCode);
    const match = await this.repeats.findHiddenRepeat(m, caller, matter.subject, matter.content, viewer);
    if (!match) return null;
    const earlier = await this.replica.read(m, match.caseId);
    const reportTo = earlier ? reportUnitFor(earlier.facts, directory) : null;
    return reportTo ? { ...match, reportTo } : null;
  }

  async record(m: EntityManager, caseId: string, hidden: HiddenRepeat, at: Date): Promise<void> {
    await m.query(
      `INSERT INTO repeat_reports (id, case_id, earlier_case_id, score, reported_to, reported_at) VALUES ($1, $2, $3, $4, $5, $6)`,
      [uuidv7(), caseId, hidden.caseId, hidden.score, hidden.reportTo, at],
    );
  }

  /** The caller's unit's own reports, newest first, each only while the caller may see both cases. */
  async listFor(m: EntityManager, staff: StaffPrincipal, q: RepeatReportQuery): Promise<RepeatReportView[]> {
    const now = await this.visibility.sql(staff, 3, 'n', m);
    const then = await this.visibility.sql(staff, 3 + now.params.length, 'e', m);
    const rows = await m.query<Array<{ id: string; case_id: string; earlier_case_id: string; score: string; reported_at: Date }>>(
      `SELECT r.id, r.case_id, r.earlier_case_id, r.score, r.reported_at FROM repeat_reports r
         JOIN case_replica n ON n.case_id = r.case_id JOIN case_replica e ON e.case_id = r.earlier_case_id
        WHERE r.reported_to = $1 AND ${now.visible} AND ${then.visible}
        ORDER BY r.reported_at DESC, r.id DESC LIMIT $2`,
      [staff.unitId, q.limit, ...now.params, ...then.params],
    );
    return rows.map((r) => ({
      id: r.id,
      caseId: r.case_id,
      earlierCaseId: r.earlier_case_id,
      score: Number(r.score),
      reportedAt: r.reported_at.toISOString(),
    }));
  }
}

/**
 * The unit a hidden repeat is reported to: one that reads the earlier case in full — for a confidential case the
 * discipline organ in the chain, else the territory's petition bureau — the one closest to the case (deepest division).
 */
export function reportUnitFor(facts: CaseVisibilityFacts, directory: OrgDirectory): string | null {
  const [kinds, divisions] = facts.confidential ? [DISCIPLINE_KINDS, facts.disciplineDivisions] : [BUREAU_KINDS, facts.territoryCodes];
  const candidates = new Set<string>(facts.involvedUnits.filter((id) => kinds.includes(directory.get(id)?.kind ?? '')));
  for (const division of divisions) for (const unit of directory.at(division)) if (kinds.includes(unit.kind)) candidates.add(unit.id);
  let best: { id: string; depth: number } | null = null;
  for (const id of candidates) {
    const unit = directory.get(id);
    if (!unit || caseAccess(facts, caseViewerOf(id, directory, unit.divisionCode)).access !== 'full') continue;
    const depth = divisionLineage(unit.divisionCode).length;
    if (best === null || depth > best.depth) best = { id, depth };
  }
  return best?.id ?? null;
}
