import type { CaseStatus, PetitionType, Stage } from '@sunshine/contracts';
import type { CaseState } from '@sunshine/domain';

/** The facts of a case every list and view shows (no text, no personal data), as the case replica holds them. */
export interface CaseCore {
  readonly caseId: string;
  readonly caseNumber: string | null;
  readonly status: CaseStatus | null;
  readonly stage: Stage;
  readonly type: PetitionType | null;
  readonly category: string | null;
  readonly placeCode: string | null;
  readonly holdingUnitId: string | null;
}

/** The `case_replica` columns caseCoreOf reads, the table aliased as `alias`. */
export function caseCoreColumns(alias: string): string {
  return ['case_id', 'case_number', 'status', 'stage', 'type', 'category', 'place_code', 'holding_unit_id']
    .map((c) => `${alias}.${c}`)
    .join(', ');
}

/** CaseCore from a row with the columns of caseCoreColumns. */
export function caseCoreOf(r: Record<string, unknown>): CaseCore {
  return {
    caseId: String(r['case_id']),
    caseNumber: (r['case_number'] as string | null) ?? null,
    status: (r['status'] as CaseStatus | null) ?? null,
    stage: r['stage'] as Stage,
    type: (r['type'] as PetitionType | null) ?? null,
    category: (r['category'] as string | null) ?? null,
    placeCode: (r['place_code'] as string | null) ?? null,
    holdingUnitId: (r['holding_unit_id'] as string | null) ?? null,
  };
}

/** CaseCore from a case's fold (a one-case view that read the replica's state). */
export function caseCoreOfState(caseId: string, s: CaseState): CaseCore {
  return {
    caseId,
    caseNumber: s.caseNumber,
    status: s.status,
    stage: s.stage,
    type: s.type,
    category: s.category,
    placeCode: s.placeCode,
    holdingUnitId: s.holdingUnitId,
  };
}
