import { useQuery } from '@tanstack/react-query';

import { routing } from './client';
import { call } from './errors';

/** One unit of the directory by id (names for ids); units change rarely, so kept for the session. */
export function useUnit(unitId: string | null | undefined) {
  return useQuery({
    queryKey: ['unit', unitId],
    enabled: !!unitId,
    staleTime: Infinity,
    queryFn: () => call(routing.GET('/org/units/{id}', { params: { path: { id: unitId ?? '' } } })),
  });
}

/** Units by filter (the place picker walks county → township → village through it). */
export function useUnits(query: { within?: string; level?: 'county' | 'township' | 'village'; kind?: string; q?: string }, enabled = true) {
  return useQuery({
    queryKey: ['units', query],
    enabled,
    staleTime: Infinity,
    queryFn: () => call(routing.GET('/org/units', { params: { query: { ...query, limit: 500 } } })).then((page) => page.items),
  });
}
