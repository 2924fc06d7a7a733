import { useQuery } from '@tanstack/react-query';

import { intake } from '../../api/client';
import { call } from '../../api/errors';
import { publicCall } from '../../api/public';
import type { CategoryRow } from '../../api/views';

/** 问题类别 as intake publishes them (`GET /categories`: the default table and each jurisdiction's finer codes). */
export function useCategories() {
  return useQuery({
    queryKey: ['categories'],
    staleTime: 10 * 60_000,
    queryFn: () => call(intake.GET('/categories')).then((a) => a.items),
  });
}

/** A category code's Chinese name from the table (the code itself while loading or when the table does not know it). */
export function categoryName(rows: readonly CategoryRow[] | undefined, code: string | null | undefined): string {
  return code ? (rows?.find((x) => x.code === code)?.zh ?? code) : '—';
}

/** A code's Chinese name from the staff table (`GET /categories`): what list columns and charts label codes with. */
export function useCategoryName(): (code: string | null | undefined) => string {
  const { data } = useCategories();
  return (code) => categoryName(data, code);
}

/** The same table for the citizen's form, without a staff token (`GET /public/categories`, rate limited). */
export function usePublicCategories() {
  return useQuery({
    queryKey: ['public-categories'],
    staleTime: 10 * 60_000,
    queryFn: () => publicCall(intake.GET('/public/categories')).then((a) => a.items),
  });
}
