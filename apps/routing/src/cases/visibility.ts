/** Who asks: the caller's unit, its territory and whether it is a bureau (which sees its territory, DESIGN §3). */
export interface Viewer {
  readonly unitId: string;
  readonly divisionCode: string;
  readonly bureau: boolean;
  /** Another service of the platform (role `service`): it reads replies and documents only. */
  readonly service: boolean;
}

/** What visibility looks at, from the projection (every unit that ever held the case). */
export interface VisibilityFacts {
  readonly type: string | null;
  readonly heldBy: readonly string[];
  readonly involvedUnits: readonly string[];
  readonly territoryCodes: readonly string[];
  readonly accusedUnitId: string | null;
}

/**
 * A unit sees the cases it holds, held or assists on; a bureau also every case whose place or holding unit lies in
 * its territory. Accusations (检举控告) override territory: only the units that held one see it, and the accused unit
 * never does, even when it lies in the viewer's territory (《信访工作条例》第30、46条).
 */
export function canSee(viewer: Viewer, c: VisibilityFacts): boolean {
  if (viewer.service) return false;
  if (c.accusedUnitId !== null && c.accusedUnitId === viewer.unitId) return false;
  if (c.involvedUnits.includes(viewer.unitId)) return true;
  if (c.type === 'accusation') return c.heldBy.includes(viewer.unitId);
  return viewer.bureau && c.territoryCodes.includes(viewer.divisionCode);
}
