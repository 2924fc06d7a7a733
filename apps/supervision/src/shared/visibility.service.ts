import { Inject, Injectable } from '@nestjs/common';
import { DirectoryReplicaService, DomainException, type StaffPrincipal } from '@sunshine/platform';
import { SUPERVISION_CONFIG, type SupervisionConfig } from '../supervision-config';

/** What a caller may see of the city view (DESIGN §3). */
export interface ViewerScope {
  readonly unitId: string;
  readonly divisionCode: string;
  /** Sees every case whose place or any holding unit lies in its territory (bureaus, governments). */
  readonly overseer: boolean;
  /** Also sees accusations in its territory (bureaus, the discipline-inspection organ). */
  readonly accusationOverseer: boolean;
}

/** The facts of a case that visibility reads (a city-view row or a feed item). */
export interface VisibilityFacts {
  readonly type: string | null;
  readonly heldBy: readonly string[];
  readonly territoryCodes: readonly string[];
  readonly accusedUnitId: string | null;
}

export const NOT_VISIBLE = new DomainException('CASE_NOT_FOUND', 'not-found', {
  zh: '信访事项不存在或无权查看',
  en: 'no such case in your jurisdiction',
});

/**
 * Visibility of the city view: a unit sees the cases it holds or held; a bureau or government also every case of its
 * territory (a county its subtree, the city everything; never another township's); accusations (检举控告) only the
 * units that held them and the bureaus and discipline organs of the territory; the accused unit never (Art 30, 46).
 */
@Injectable()
export class VisibilityService {
  constructor(
    @Inject(SUPERVISION_CONFIG) private readonly config: SupervisionConfig,
    private readonly directory: DirectoryReplicaService,
  ) {}

  async scopeOf(staff: StaffPrincipal): Promise<ViewerScope> {
    const unit = await this.directory.unit(staff.unitId);
    const kind = unit?.kind ?? null;
    // The territory is the unit's own (from the directory); the token's division only when the unit is unknown.
    const divisionCode = unit?.divisionCode ?? staff.divisionCode;
    return {
      unitId: staff.unitId,
      divisionCode,
      overseer: kind !== null && this.config.overseerKinds.includes(kind),
      accusationOverseer: kind !== null && this.config.accusationOverseerKinds.includes(kind),
    };
  }

  /** A SQL condition on a city-view row aliased `v`, its parameters numbered from `from`. */
  sql(scope: ViewerScope, from: number, alias = 'v'): { clause: string; params: unknown[] } {
    const [unit, division, overseer, accusations] = [from, from + 1, from + 2, from + 3].map((n) => `$${n}`);
    const clause = `(${alias}.accused_unit_id IS DISTINCT FROM ${unit} AND (${unit} = ANY(${alias}.held_by) OR (${overseer}::boolean
      AND ${division} = ANY(${alias}.territory_codes) AND (${alias}.type IS DISTINCT FROM 'accusation' OR ${accusations}::boolean))))`;
    return { clause, params: [scope.unitId, scope.divisionCode, scope.overseer, scope.accusationOverseer] };
  }

  /** The same rule in code (the live feed filters each item with it). */
  canSee(scope: ViewerScope, facts: VisibilityFacts): boolean {
    if (facts.accusedUnitId === scope.unitId) return false;
    if (facts.heldBy.includes(scope.unitId)) return true;
    if (!scope.overseer || !facts.territoryCodes.includes(scope.divisionCode)) return false;
    return facts.type !== 'accusation' || scope.accusationOverseer;
  }
}
