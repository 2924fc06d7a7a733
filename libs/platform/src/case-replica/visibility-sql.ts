import {
  ACCUSATION_OVERSEER_KINDS,
  type CaseViewer,
  DISCIPLINE_KINDS,
  TERRITORY_OVERSEER_KINDS,
  VISIBILITY_RULE,
  type VisibilityClause,
} from '@sunshine/domain';

/** Placeholders of the viewer's parameters inside a generated condition. */
interface ViewerParams {
  readonly unit: string;
  readonly kind: string;
  readonly division: string;
  readonly lineage: string;
}

/**
 * Each clause of libs/domain's VISIBILITY_RULE over the replica's columns (alias `c`). The Record makes a clause added
 * to the domain without its SQL a compile error; the integration test checks both forms agree case by case. Array
 * columns are tested with `@>` (their GIN indexes serve it; `$1 = ANY(column)` scans every row).
 */
const CLAUSE_SQL: Record<VisibilityClause, (c: string, p: ViewerParams) => string> = {
  accused: (c, p) => `${c}.accused_unit_id = ${p.unit}`,
  'under-accused': (c, p) => `${c}.accused_unit_id = ANY(${p.lineage}::text[])`,
  'discipline-chain': (c, p) =>
    `(${p.kind} = ANY(${literal(DISCIPLINE_KINDS)}) AND (${contains(c, 'involved_units', p.unit)} OR ${contains(c, 'discipline_divisions', p.division)}))`,
  'registering-unit': (c, p) => `${c}.receiving_unit_id = ${p.unit}`,
  'same-government': (c, p) => `${c}.accused_division = ${p.division}`,
  involved: (c, p) => contains(c, 'involved_units', p.unit),
  'bureau-territory': (c, p) =>
    `(${p.kind} = ANY(${literal(ACCUSATION_OVERSEER_KINDS)}) AND ${contains(c, 'territory_codes', p.division)})`,
  'overseer-territory': (c, p) =>
    `(${p.kind} = ANY(${literal(TERRITORY_OVERSEER_KINDS)}) AND ${contains(c, 'territory_codes', p.division)})`,
};

/** `alias.column @> ARRAY[param]`: the array column holds the value, in the form a GIN index answers. */
export function arrayContainsSql(alias: string, column: string, param: string): string {
  return `${alias}.${column} @> ARRAY[${param}::text]`;
}

const contains = arrayContainsSql;

function literal(values: readonly string[]): string {
  return `ARRAY[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ')}]::text[]`;
}

export interface VisibilitySql {
  /** `'none' | 'facts-only' | 'full'` for the row: the first step of the rule that holds. */
  readonly level: string;
  /**
   * The row is visible at all (`level <> 'none'`), preceded by what every visible row satisfies (one of the clauses
   * that grant access holds) in a form the indexes serve, so a list reads only candidate rows.
   */
  readonly visible: string;
  readonly params: unknown[];
}

/**
 * The one visibility rule as SQL over `case_replica` (aliased `alias`), generated from VISIBILITY_RULE in order; its
 * parameters are numbered from `$from`.
 */
export function caseVisibilitySql(viewer: CaseViewer, from: number, alias = 'c'): VisibilitySql {
  const p: ViewerParams = { unit: `$${from}`, kind: `$${from + 1}`, division: `$${from + 2}`, lineage: `$${from + 3}` };
  const whens = VISIBILITY_RULE.map((step) => {
    const scope =
      step.cases === 'confidential' ? `${alias}.confidential AND ` : step.cases === 'open' ? `NOT ${alias}.confidential AND ` : '';
    return `WHEN ${scope}coalesce(${CLAUSE_SQL[step.clause](alias, p)}, false) THEN '${step.access}'`;
  });
  const level = `(CASE ${whens.join(' ')} ELSE 'none' END)`;
  // A row the rule shows matched a granting step, so its clause holds: the disjunction is implied by `level <> 'none'`.
  const granting = [...new Set(VISIBILITY_RULE.filter((step) => step.access !== 'none').map((step) => step.clause))];
  const candidates = `(${granting.map((clause) => CLAUSE_SQL[clause](alias, p)).join(' OR ')})`;
  return {
    level,
    visible: `(${candidates} AND ${level} <> 'none')`,
    params: [viewer.unitId, viewer.kind ?? '', viewer.divisionCode, [...viewer.lineage]],
  };
}
