import type { OrgUnitSnapshot } from '@sunshine/contracts';
import type { StaffRole } from '@sunshine/platform';
import { http, type JsonResponse } from '@sunshine/testing';

import { type RoutingWorld, U } from './routing-world';

/** Two system administrators of the city's petition bureau: one proposes, the other approves (four eyes). */
export const SYSADMIN_1 = 'city-sysadmin-1';
export const SYSADMIN_2 = 'city-sysadmin-2';

/** What the change-request endpoints answer. */
export interface ChangeRequest {
  id: string;
  action: 'create' | 'update';
  unitId: string;
  before: OrgUnitSnapshot | null;
  after: OrgUnitSnapshot;
  reason: string;
  status: 'pending' | 'applied' | 'rejected';
  proposedBy: string;
  proposedByUnit: string;
  proposedAt: string;
  decidedBy: string | null;
  decidedByUnit: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
  appliedRevision: number | null;
}

/** A call as `sub` of `unitId` with `roles` (a named person, unlike RoutingWorld.call). */
export async function callAs<T = Record<string, unknown>>(
  w: RoutingWorld,
  who: { sub: string; unitId: string; roles: StaffRole[] },
  method: string,
  path: string,
  body?: unknown,
): Promise<JsonResponse<T>> {
  return http<T>(method, `${w.url}${path}`, { body, token: await w.token(who.unitId, who.roles, who.sub) });
}

/** A city system administrator (of the city's petition bureau). */
export const cityAdmin = (sub: string): { sub: string; unitId: string; roles: StaffRole[] } => ({
  sub,
  unitId: U.cityBureau,
  roles: ['sysadmin'],
});

/** A trust-bearing change proposed by one city sysadmin and approved by another; throws unless applied. */
export async function applyChange(w: RoutingWorld, proposal: Record<string, unknown>): Promise<ChangeRequest> {
  const proposed = await callAs<ChangeRequest>(w, cityAdmin(SYSADMIN_1), 'POST', '/org/change-requests', proposal);
  if (proposed.status !== 201) throw new Error(`proposing: ${proposed.status} ${JSON.stringify(proposed.body)}`);
  const approved = await callAs<ChangeRequest>(w, cityAdmin(SYSADMIN_2), 'POST', `/org/change-requests/${proposed.body.id}/approve`);
  if (approved.status !== 200) throw new Error(`approving: ${approved.status} ${JSON.stringify(approved.body)}`);
  return approved.body;
}
