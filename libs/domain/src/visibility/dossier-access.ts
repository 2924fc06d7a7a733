import type { CaseState } from '../lifecycle';
import type { OrgDirectory } from '../org';
import type { RoutingRuleSet } from '../routing/routing-rule-set';
import { caseAccess, type CaseAccessLevel, caseViewerOf, caseVisibilityFacts } from './case-visibility';

/** What a unit may read of a case's dossier: the one visibility rule's level (`facts-only`: never the accuser nor the text). */
export type DossierAccess = CaseAccessLevel;

export interface DossierAccessDecision {
  readonly access: DossierAccess;
  readonly reasons: readonly string[];
}

export interface DossierAccessInput {
  readonly state: CaseState;
  readonly viewerUnitId: string;
  readonly directory: OrgDirectory;
  /** The rule set in force: its accusation rule names the discipline-inspection organ with authority. */
  readonly ruleSet: RoutingRuleSet;
}

/** Dossier visibility: the case visibility rule (case-visibility.ts) applied to a unit of the directory. */
export function dossierAccess(input: DossierAccessInput): DossierAccessDecision {
  if (!input.directory.get(input.viewerUnitId)) {
    return { access: 'none', reasons: ['查阅单位不在机构目录中 / the viewing unit is not in the directory'] };
  }
  const viewer = caseViewerOf(input.viewerUnitId, input.directory, '');
  const decision = caseAccess(caseVisibilityFacts(input.state, input.directory, input.ruleSet), viewer);
  return { access: decision.access, reasons: [decision.reason] };
}
