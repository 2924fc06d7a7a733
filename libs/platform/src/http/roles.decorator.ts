import { SetMetadata } from '@nestjs/common';

import type { StaffRole } from '../auth/staff-claims';

export const ROLES = 'sunshine:roles';
export const SERVICE_TOKENS = 'sunshine:service-tokens';
export const ADMINISTRATORS = 'sunshine:administrators';

/** What @Roles() records: the caller needs one of `roles`, else 403 with `code`. */
export interface RoleRequirement {
  readonly roles: readonly StaffRole[];
  readonly code: string;
}

export const ROLE_REQUIRED = 'ROLE_REQUIRED';

/**
 * The caller must hold one of the roles (on a handler, or on a controller for all its handlers; the handler's wins).
 * The global AuthGuard enforces it: 403 ROLE_REQUIRED naming the roles, or the code given first, e.g.
 * `@Roles({ code: 'REPLY_NOT_APPROVED' }, 'head')`.
 */
export function Roles(...roles: StaffRole[]): MethodDecorator & ClassDecorator;
export function Roles(options: { readonly code: string }, ...roles: StaffRole[]): MethodDecorator & ClassDecorator;
export function Roles(...args: Array<StaffRole | { readonly code: string }>): MethodDecorator & ClassDecorator {
  const [first] = args;
  const code = typeof first === 'object' ? first.code : ROLE_REQUIRED;
  const roles = args.filter((a): a is StaffRole => typeof a === 'string');
  if (roles.length === 0) throw new Error('@Roles() needs at least one role');
  const requirement: RoleRequirement = { roles, code };
  return SetMetadata(ROLES, requirement);
}

/**
 * Lets other services' tokens (role `service`) call the endpoint too. Without it the guard answers them 403 STAFF_ONLY:
 * a service token reads what a route opens to it, nothing else.
 */
export const AllowServiceTokens = (): MethodDecorator & ClassDecorator => SetMetadata(SERVICE_TOKENS, true);

/**
 * 三员分立: lets these administrators (`sysadmin`, `security-admin`, `audit-admin`) call the endpoints without @Roles()
 * (any staff) that are theirs to use and reveal no case (e.g. the directory's units and users for the system administrator). Everywhere
 * else the guard answers them 403 ADMINISTRATOR_NOT_FOR_CASES unless @Roles() names their role.
 */
export const OpenToAdministrators = (...roles: Array<'sysadmin' | 'security-admin' | 'audit-admin'>): MethodDecorator & ClassDecorator =>
  SetMetadata(ADMINISTRATORS, roles);
