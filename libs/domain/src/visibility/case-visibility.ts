import type { UnitId } from '@sunshine/contracts';

import { type CaseState, involvedUnitIds, petitionFactsOf } from '../lifecycle';
import { BUREAU_KINDS, divisionLineage, type OrgDirectory } from '../org';
import { competentUnitFor } from '../routing/competent-unit-for';
import { DEFAULT_ROUTING_RULE_SET } from '../routing/default-rule-set';
import type { RoutingRuleSet } from '../routing/routing-rule-set';

/**
 * What a unit may know of a case (DESIGN §3; 《信访工作条例》第30、46条):
 * - `none`: not even that the case exists (every endpoint answers as for a case that does not exist);
 * - `facts-only`: the case's registered facts and its course, never the petitioner's identity nor the text;
 * - `full`: the dossier too (petitioner, text, attachments).
 */
export type CaseAccessLevel = 'none' | 'facts-only' | 'full';

/** Unit kinds of the discipline-inspection organs (纪委监委): the only ones that read an accusation and its accuser. */
export const DISCIPLINE_KINDS: readonly string[] = ['discipline'];
/** Kinds that see every case of their territory; bureaus read the dossier, governments and party committees the facts. */
export const TERRITORY_OVERSEER_KINDS: readonly string[] = [...BUREAU_KINDS, 'government', 'party-committee'];
/** Kinds whose territory view includes the bare facts of accusations (the petition bureaus, Art 22). */
export const ACCUSATION_OVERSEER_KINDS: readonly string[] = BUREAU_KINDS;

/**
 * The facts of a case visibility reads, derived once when the case is folded (from its state and the directory), and
 * stored beside it so that SQL applies the same rule (libs/platform: caseVisibilitySql).
 */
export interface CaseVisibilityFacts {
  /** 检举控告 or flagged confidential: only the discipline chain reads the dossier. */
  readonly confidential: boolean;
  readonly accusedUnitId: UnitId | null;
  /** The accused unit's own territory: the offices of the same government see nothing. */
  readonly accusedDivision: string | null;
  /** The unit that registered the case (the bureau keeps the bare facts of an accusation). */
  readonly registeredBy: UnitId | null;
  /** Units that hold, held or assist on the case (never the accused). */
  readonly involvedUnits: readonly UnitId[];
  /** Division codes (with their lineage) of the place and of every unit that held the case. */
  readonly territoryCodes: readonly string[];
  /** Where a discipline organ is in the chain with authority: the competent organ's division and those above it. */
  readonly disciplineDivisions: readonly string[];
}

/** Who asks, as the directory knows it. */
export interface CaseViewer {
  readonly unitId: UnitId;
  readonly kind: string | null;
  readonly divisionCode: string;
  /** The unit and every unit above it by `parentId` (a unit under the accused sees nothing). */
  readonly lineage: readonly UnitId[];
}

/** The viewer profile of a unit from the directory (an unknown unit keeps its token's division and no kind). */
export function caseViewerOf(unitId: UnitId, directory: OrgDirectory, fallbackDivision: string): CaseViewer {
  const unit = directory.get(unitId);
  const lineage: UnitId[] = [unitId];
  for (let parent = unit?.parentId ?? null; parent !== null && !lineage.includes(parent);) {
    lineage.push(parent);
    parent = directory.get(parent)?.parentId ?? null;
  }
  return { unitId, kind: unit?.kind ?? null, divisionCode: unit?.divisionCode ?? fallbackDivision, lineage };
}

/** The visibility facts of a case, as of its state and the directory (and the rule set naming the discipline organ). */
export function caseVisibilityFacts(
  state: CaseState,
  directory: OrgDirectory,
  ruleSet: RoutingRuleSet = DEFAULT_ROUTING_RULE_SET,
): CaseVisibilityFacts {
  const territory = new Set<string>();
  if (state.placeCode) divisionLineage(state.placeCode).forEach((c) => territory.add(c));
  for (const unitId of state.heldBy) {
    const unit = directory.get(unitId);
    if (unit) divisionLineage(unit.divisionCode).forEach((c) => territory.add(c));
  }
  const confidential = state.type === 'accusation' || state.flags.confidential;
  return {
    confidential,
    accusedUnitId: state.accusedUnitId,
    accusedDivision: state.accusedUnitId ? (directory.get(state.accusedUnitId)?.divisionCode ?? null) : null,
    registeredBy: state.receivingUnitId,
    involvedUnits: involvedUnitIds(state),
    territoryCodes: [...territory].sort(),
    disciplineDivisions: confidential ? disciplineDivisions(state, directory, ruleSet) : [],
  };
}

function disciplineDivisions(state: CaseState, directory: OrgDirectory, ruleSet: RoutingRuleSet): string[] {
  const facts = petitionFactsOf(state);
  const competent = facts && competentUnitFor(facts, directory, ruleSet);
  return competent && DISCIPLINE_KINDS.includes(competent.kind) ? divisionLineage(competent.divisionCode) : [];
}

/** One step of the rule, in order: the first that applies decides. Named so the SQL form is generated from the same list. */
export type VisibilityClause =
  | 'accused'
  | 'under-accused'
  | 'discipline-chain'
  | 'registering-unit'
  | 'same-government'
  | 'involved'
  | 'bureau-territory'
  | 'overseer-territory';

export interface VisibilityStep {
  readonly clause: VisibilityClause;
  /** Which cases the step applies to. */
  readonly cases: 'confidential' | 'open' | 'all';
  readonly access: CaseAccessLevel;
  readonly reason: string;
}

/**
 * The one visibility rule, as ordered data (first match wins; no match: `none`). Accusations override territory: only
 * the discipline chain reads the accuser and the text; the bureau that registered it keeps the bare facts; the accused
 * unit and the units under it see nothing, ever; the offices of the same government (for a township: its petition office
 * and offices) see nothing unless they registered it themselves. On any endpoint.
 */
export const VISIBILITY_RULE: readonly VisibilityStep[] = [
  {
    clause: 'accused',
    cases: 'all',
    access: 'none',
    reason: '被检举控告单位不得知悉（第三十条、第四十六条） / the accused unit sees nothing',
  },
  {
    clause: 'under-accused',
    cases: 'confidential',
    access: 'none',
    reason: '被检举控告单位的下属单位不得知悉 / units under the accused see nothing',
  },
  {
    clause: 'discipline-chain',
    cases: 'confidential',
    access: 'full',
    reason: '纪检监察机关按管理权限办理检举控告 / discipline-inspection chain (Art 30)',
  },
  {
    clause: 'registering-unit',
    cases: 'confidential',
    access: 'facts-only',
    reason: '登记单位保留基本事实 / the registering unit keeps the bare facts',
  },
  {
    clause: 'same-government',
    cases: 'confidential',
    access: 'none',
    reason: '被检举控告单位所在同级政府的部门不得知悉 / the offices of the accused unit’s government see nothing',
  },
  { clause: 'involved', cases: 'confidential', access: 'facts-only', reason: '承办单位仅见基本事实 / holders see the facts only' },
  {
    clause: 'bureau-territory',
    cases: 'confidential',
    access: 'facts-only',
    reason: '辖区信访部门仅见基本事实 / the territory’s bureau sees the facts only',
  },
  { clause: 'registering-unit', cases: 'open', access: 'full', reason: '本单位登记该事项 / the unit registered the case' },
  { clause: 'involved', cases: 'open', access: 'full', reason: '本单位承办或曾承办该事项 / the unit holds or held the case' },
  { clause: 'bureau-territory', cases: 'open', access: 'full', reason: '事项在本信访部门辖区内 / in the bureau’s territory' },
  { clause: 'overseer-territory', cases: 'open', access: 'facts-only', reason: '事项在本级党委政府辖区内 / in the government’s territory' },
];

/** Whether one clause holds for this case and viewer (the SQL form lives in libs/platform, generated per clause). */
export function visibilityClauseHolds(clause: VisibilityClause, facts: CaseVisibilityFacts, viewer: CaseViewer): boolean {
  switch (clause) {
    case 'accused':
      return facts.accusedUnitId !== null && facts.accusedUnitId === viewer.unitId;
    case 'discipline-chain':
      return (
        viewer.kind !== null &&
        DISCIPLINE_KINDS.includes(viewer.kind) &&
        (facts.involvedUnits.includes(viewer.unitId) || facts.disciplineDivisions.includes(viewer.divisionCode))
      );
    case 'under-accused':
      return facts.accusedUnitId !== null && viewer.lineage.includes(facts.accusedUnitId);
    case 'same-government':
      return facts.accusedDivision !== null && facts.accusedDivision === viewer.divisionCode;
    case 'registering-unit':
      return facts.registeredBy === viewer.unitId;
    case 'involved':
      return facts.involvedUnits.includes(viewer.unitId);
    case 'bureau-territory':
      return viewer.kind !== null && ACCUSATION_OVERSEER_KINDS.includes(viewer.kind) && facts.territoryCodes.includes(viewer.divisionCode);
    case 'overseer-territory':
      return viewer.kind !== null && TERRITORY_OVERSEER_KINDS.includes(viewer.kind) && facts.territoryCodes.includes(viewer.divisionCode);
  }
}

export interface CaseAccessDecision {
  readonly access: CaseAccessLevel;
  readonly reason: string;
}

/** What `viewer` may know of the case: the first step of VISIBILITY_RULE that applies. */
export function caseAccess(facts: CaseVisibilityFacts, viewer: CaseViewer): CaseAccessDecision {
  for (const step of VISIBILITY_RULE) {
    if (step.cases === 'confidential' && !facts.confidential) continue;
    if (step.cases === 'open' && facts.confidential) continue;
    if (visibilityClauseHolds(step.clause, facts, viewer)) return { access: step.access, reason: step.reason };
  }
  return { access: 'none', reason: '非承办单位且不在辖区内 / neither a holder nor the territory’s overseer' };
}
