import { SetMetadata } from '@nestjs/common';

import type { StaffRole } from '../auth/staff-claims';
import type { ServiceName } from '../config/platform-config';

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
 * Lets the tokens of the named services (role `service`, unit `service:<name>`) call the endpoint too: name exactly the
 * services that call it, e.g. `@AllowServiceTokens('notification')`. The guard answers any other service 403
 * SERVICE_NOT_ALLOWED, and every service 403 STAFF_ONLY where the decorator is absent: a service token reads what a
 * route opens to that service, nothing else (route-access.ts).
 */
export function AllowServiceTokens(...services: [ServiceName, ...ServiceName[]]): MethodDecorator & ClassDecorator {
  if (services.length === 0) throw new Error('@AllowServiceTokens() needs the services that call the route');
  return SetMetadata(SERVICE_TOKENS, [...new Set(services)]);
}

/**
 * 三员分立: lets these administrators (`sysadmin`, `security-admin`, `audit-admin`) call the endpoints without @Roles()
 * (any staff) that are theirs to use and reveal no case (e.g. the directory's units and users for the system administrator). Everywhere
 * else the guard answers them 403 ADMINISTRATOR_NOT_FOR_CASES unless @Roles() names their role.
 */
export const OpenToAdministrators = (...roles: Array<'sysadmin' | 'security-admin' | 'audit-admin'>): MethodDecorator & ClassDecorator =>
  SetMetadata(ADMINISTRATORS, roles);
