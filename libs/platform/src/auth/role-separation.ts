import type { StaffRole } from './staff-claims';

/**
 * 三员分立 (GB/T 22239-2019 8.1.4.2 / 8.1.10.x): the system administrator (`sysadmin`: units, users, configuration),
 * the security administrator (`security-admin`: roles, policies) and the audit administrator (`audit-admin`: reads the
 * audit trail only) are three people. A token may carry one of them and nothing else: never two of them, never one with
 * a business role (clerk … leader, the unit's `admin`, `ops`) or `service`. None of them acts on cases: the guard admits
 * them only to routes whose @Roles() names their role (403 ADMINISTRATOR_NOT_FOR_CASES).
 */
export const SEPARATED_ADMIN_ROLES = ['sysadmin', 'security-admin', 'audit-admin'] as const satisfies readonly StaffRole[];
export type SeparatedAdminRole = (typeof SEPARATED_ADMIN_ROLES)[number];

export function isSeparatedAdminRole(role: StaffRole): role is SeparatedAdminRole {
  return (SEPARATED_ADMIN_ROLES as readonly StaffRole[]).includes(role);
}

/** The roles that may not stand together in `roles` (sorted as given), or undefined when the set is allowed. */
export function incompatibleRoles(roles: readonly StaffRole[]): readonly StaffRole[] | undefined {
  const distinct = [...new Set(roles)];
  const admins = distinct.filter(isSeparatedAdminRole);
  if (admins.length === 0 || distinct.length === 1) return undefined;
  return distinct;
}
