import { z } from 'zod';

/**
 * Roles a token may carry; `service` marks another service of the platform calling on its own behalf. `admin` manages
 * its territory's units (names, staff) and rules; `sysadmin` is the city's system administrator, who alone proposes and
 * (another one) approves what grants trust in the directory (a unit's kind, parent, territory, competences), and only
 * from a city-level unit. `security-admin` (安全管理员: roles, policies) and `audit-admin` (审计管理员: reads the audit
 * trail only) complete 三员分立 with `sysadmin`: see role-separation.ts and docs/security.md.
 */
export const StaffRoles = [
  'clerk',
  'handler',
  'head',
  'dispatcher',
  'supervisor',
  'leader',
  'admin',
  'sysadmin',
  'ops',
  'service',
  'security-admin',
  'audit-admin',
] as const;
export type StaffRole = (typeof StaffRoles)[number];

/** The claims every service relies on: who, which unit, which roles, the unit's division code. */
export const staffClaimsSchema = z.object({
  sub: z.string().min(1),
  unit: z.string().min(1),
  roles: z.array(z.enum(StaffRoles)).min(1),
  division: z.string().regex(/^\d{12}$/),
  name: z.string().optional(),
});
export type StaffClaims = z.infer<typeof staffClaimsSchema>;

/** The authenticated caller, attached to the request by the guard. */
export interface StaffPrincipal {
  readonly subject: string;
  readonly unitId: string;
  readonly roles: readonly StaffRole[];
  readonly divisionCode: string;
  readonly token: string;
  /** When the token expires (its `exp`): live streams end then. */
  readonly expiresAt?: Date;
}
