import type { OrgUnitSnapshot } from '@sunshine/contracts';
import { involvedUnitIds, type CaseState } from '../lifecycle';
import { divisionContains, levelDepth, type OrgDirectory } from '../org';
import { competentUnitFor } from '../routing/competent-unit-for';
import type { RoutingRuleSet } from '../routing/routing-rule-set';

/**
 * What a unit may read of a case's dossier (the petition's text, the petitioner, attachments):
 * - `full`: everything;
 * - `facts-only`: the registered facts, never the accuser's identity nor the accusation's material (Art 30, 46);
 * - `none`: not even that the case exists.
 */
export type DossierAccess = 'none' | 'facts-only' | 'full';

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
  /** Unit kinds that oversee their territory's cases (DESIGN §3: bureaus see their territory). */
  readonly overseerKinds?: readonly string[];
}

const DEFAULT_OVERSEERS: readonly string[] = ['petition-bureau'];

/**
 * Dossier visibility (DESIGN §3): a unit that holds or held the case, or a bureau whose territory contains its place
 * or one of its holders. Accusations (检举控告) override territory: only the discipline-inspection chain (the organ
 * the accusation rule names, the discipline organs above it, and any discipline organ that held the case) reads the
 * accuser and the material; other units that may see the case get its facts only; the accused unit sees nothing.
 */
export function dossierAccess(input: DossierAccessInput): DossierAccessDecision {
  const { state, directory } = input;
  const viewer = directory.get(input.viewerUnitId);
  if (!viewer) return { access: 'none', reasons: ['查阅单位不在机构目录中 / the viewing unit is not in the directory'] };
  if (state.accusedUnitId !== null && state.accusedUnitId === viewer.id) {
    return { access: 'none', reasons: ['被检举控告单位不得查阅（第三十条、第四十六条） / the accused unit sees nothing (Art 30, 46)'] };
  }
  const involved = involvedUnitIds(state);
  const holder = involved.includes(viewer.id);
  const overseer = isOverseer(viewer, state, involved, directory, input.overseerKinds ?? DEFAULT_OVERSEERS);
  const confidential = state.type === 'accusation' || state.flags.confidential;
  if (!confidential) {
    if (holder) return { access: 'full', reasons: ['本单位承办或曾承办该事项 / the unit holds or held the case'] };
    if (overseer) return { access: 'full', reasons: ['事项在本信访部门辖区内 / the case lies in the bureau’s territory'] };
    return { access: 'none', reasons: ['非承办单位且不在辖区内 / neither a holder nor the territory’s bureau'] };
  }
  if (inDisciplineChain(viewer, state, holder, input)) {
    return { access: 'full', reasons: ['纪检监察机关按管理权限办理检举控告 / discipline-inspection chain (Art 30)'] };
  }
  if (holder || overseer) {
    return {
      access: 'facts-only',
      reasons: ['检举控告人身份及检举控告材料仅限纪检监察机关查阅（第三十条、第四十六条） / accuser and material withheld outside the discipline chain'],
    };
  }
  return { access: 'none', reasons: ['非承办单位且不在辖区内 / neither a holder nor the territory’s bureau'] };
}

function isOverseer(
  viewer: OrgUnitSnapshot,
  state: CaseState,
  involved: readonly string[],
  directory: OrgDirectory,
  kinds: readonly string[],
): boolean {
  if (!kinds.includes(viewer.kind)) return false;
  if (state.placeCode !== null && divisionContains(viewer.divisionCode, state.placeCode)) return true;
  return involved.some((id) => {
    const unit = directory.get(id);
    return unit !== undefined && divisionContains(viewer.divisionCode, unit.divisionCode);
  });
}

function inDisciplineChain(viewer: OrgUnitSnapshot, state: CaseState, holder: boolean, input: DossierAccessInput): boolean {
  const rule = input.ruleSet.rules.find((r) => r.kind === 'accusation');
  const disciplineKind = rule?.kind === 'accusation' ? rule.targetKind : 'discipline';
  if (viewer.kind !== disciplineKind) return false;
  if (holder) return true;
  if (!state.type || !state.category || !state.placeCode || !state.receivingUnitId || !state.channel) return false;
  const competent = competentUnitFor(
    {
      type: state.type,
      category: state.category,
      placeCode: state.placeCode,
      accusedUnitId: state.accusedUnitId ?? undefined,
      receivingUnitId: state.receivingUnitId,
      channel: state.channel,
    },
    input.directory,
    input.ruleSet,
  );
  if (!competent) return false;
  if (competent.id === viewer.id) return true;
  // A discipline organ above the competent one (its territory contains it, at a higher level) is in the chain too.
  return divisionContains(viewer.divisionCode, competent.divisionCode) && levelDepth(viewer.level) < levelDepth(competent.level);
}
