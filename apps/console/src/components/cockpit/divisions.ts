import { useMemo } from 'react';

import { useUnits } from '../../api/queries';

const SUFFIX = /(人民政府|办事处|委员会|村委会|居委会)$/;

/**
 * Division code → its name, from the directory's governments of a level within a division (the government names its
 * division; the suffix of the organ dropped: 延津县人民政府 → 延津县), as the place picker shows them.
 */
export function useDivisionNames(
  within: string | undefined,
  level: 'county' | 'township',
): { names: Map<string, string>; loading: boolean } {
  const units = useUnits({ within, level, kind: 'government' }, !!within);
  const names = useMemo(() => {
    const m = new Map<string, string>();
    for (const u of units.data ?? []) if (!m.has(u.divisionCode)) m.set(u.divisionCode, u.name.replace(SUFFIX, ''));
    return m;
  }, [units.data]);
  return { names, loading: units.isPending };
}

/** The county (6 digits + zeros) and township (9 digits + zeros) a 12-digit place code lies in. */
export function countyOf(code: string): string {
  return `${code.slice(0, 6)}000000`;
}
export function townshipOf(code: string): string {
  return `${code.slice(0, 9)}000`;
}
