import type { OrgDirectory } from '@sunshine/domain';

import type { ServiceName } from '../config/platform-config';
import { DomainException } from '../errors/domain.exception';
import { CITY_LEVEL, type CityLevelSubject } from '../http/city-level.decorator';
import { ADMINISTRATORS, type RoleRequirement, ROLES, SERVICE_TOKENS } from '../http/roles.decorator';
import { IS_PUBLIC } from './public.decorator';
import { isSeparatedAdminRole } from './role-separation';
import { serviceOfKeyId } from './service-keys';
import type { StaffPrincipal, StaffRole } from './staff-claims';

/**
 * Who may call a route, read from its decorators (@Public, @Roles, @AllowServiceTokens, @CityLevel); the handler's win
 * over the class's.
 */
export type RouteAccess =
  | { readonly kind: 'public' }
  | {
      readonly kind: 'staff';
      readonly requirement?: RoleRequirement;
      /** The services whose tokens may call the route (@AllowServiceTokens); empty: none. */
      readonly serviceTokens: readonly ServiceName[];
      readonly cityLevel?: CityLevelSubject;
      /** 三员 admitted beside `requirement` (@OpenToAdministrators). */
      readonly administrators?: readonly StaffRole[];
    };

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- handlers and controllers are plain functions here
type Target = Function;

function metadata<T>(key: string, handler: Target, controller: Target): T | undefined {
  const own = Reflect.getMetadata(key, handler) as T | undefined;
  return own !== undefined ? own : (Reflect.getMetadata(key, controller) as T | undefined);
}

/** The access rule of one route (the guard enforces it; the permission matrix lists it). */
export function routeAccessOf(handler: Target, controller: Target): RouteAccess {
  if (metadata<boolean>(IS_PUBLIC, handler, controller)) return { kind: 'public' };
  return {
    kind: 'staff',
    requirement: metadata<RoleRequirement>(ROLES, handler, controller),
    serviceTokens: metadata<readonly ServiceName[]>(SERVICE_TOKENS, handler, controller) ?? [],
    cityLevel: metadata<CityLevelSubject>(CITY_LEVEL, handler, controller),
    administrators: metadata<readonly StaffRole[]>(ADMINISTRATORS, handler, controller),
  };
}

const ROLE_LABELS: Record<StaffRole, string> = {
  clerk: '收发员',
  handler: '经办人',
  head: '单位负责人',
  dispatcher: '分办员',
  supervisor: '督查员',
  leader: '领导',
  admin: '系统管理员',
  sysadmin: '市级系统管理员',
  ops: '运维人员',
  service: '服务调用方',
  'security-admin': '安全管理员',
  'audit-admin': '审计管理员',
};

/**
 * The service a token of role `service` speaks for: its unit `service:<name>`, which a service's own key signs only for
 * itself (serviceTokenMisuse: subject and unit `service:<name>`) and the identity provider maps from the service
 * account of client `sunshine-<name>` (tools/keycloak-realm.ts: unit attribute, editable by realm administrators only).
 * Undefined for staff, and for a `service` token naming no service of the platform.
 */
export function callingService(staff: StaffPrincipal): ServiceName | undefined {
  if (!staff.roles.includes('service')) return undefined;
  return serviceOfKeyId(staff.unitId) ?? undefined;
}

/**
 * Why the verified caller may not call the route (403), or undefined when it may. A `service` token passes only where
 * @AllowServiceTokens() names its service (callingService): 403 STAFF_ONLY where it names none, SERVICE_NOT_ALLOWED where
 * it names others; the route's roles then apply as to anyone (a route for services says @Roles('service')).
 */
export function accessRefusal(access: RouteAccess, staff: StaffPrincipal): DomainException | undefined {
  if (access.kind === 'public') return undefined;
  const roles = access.requirement?.roles;
  if (staff.roles.includes('service')) {
    if (access.serviceTokens.length === 0) {
      return new DomainException('STAFF_ONLY', 'forbidden', {
        zh: '该接口仅供工作人员使用',
        en: 'staff only: service tokens may not call this endpoint',
      });
    }
    const caller = callingService(staff);
    if (!caller || !access.serviceTokens.includes(caller)) {
      return new DomainException('SERVICE_NOT_ALLOWED', 'forbidden', {
        zh: '该服务无权调用此接口',
        en: 'this service may not call this endpoint',
      });
    }
  }
  const admin = staff.roles.find(isSeparatedAdminRole);
  if (admin && !roles?.includes(admin) && !access.administrators?.includes(admin)) {
    return new DomainException(
      'ADMINISTRATOR_NOT_FOR_CASES',
      'forbidden',
      {
        zh: `三员分立：${ROLE_LABELS[admin]}（${admin}）只能使用为该角色开放的管理接口，不办理信访事项`,
        en: `separation of duties: ${admin} may only call the endpoints opened to that role, never case work`,
      },
      { role: admin },
    );
  }
  if (!roles || roles.some((r) => staff.roles.includes(r))) return undefined;
  return new DomainException(
    access.requirement?.code ?? 'ROLE_REQUIRED',
    'forbidden',
    {
      zh: `该操作须由以下角色之一办理：${roles.map((r) => `${ROLE_LABELS[r]}（${r}）`).join('、')}`,
      en: `one of these roles is required: ${roles.join(', ')}`,
    },
    { roles },
  );
}

/**
 * Why a caller who passed accessRefusal may still not call a @CityLevel() route (403 CITY_LEVEL_REQUIRED): its unit is
 * not one `directory` places at level `city` (or not in the directory at all). Undefined when it may.
 */
export function cityLevelRefusal(access: RouteAccess, staff: StaffPrincipal, directory: OrgDirectory): DomainException | undefined {
  if (access.kind === 'public' || !access.cityLevel) return undefined;
  if (directory.get(staff.unitId)?.level === 'city') return undefined;
  const { zh, en } = access.cityLevel;
  const roles = access.requirement?.roles ?? [];
  const who = roles.length > 0 ? roles.map((r) => `${ROLE_LABELS[r]}（${r}）`).join('、') : '工作人员';
  return new DomainException(
    'CITY_LEVEL_REQUIRED',
    'forbidden',
    {
      zh: `${zh}只能由市级单位的${who}操作：本单位（${staff.unitId}）不是市级单位`,
      en: `${en} may only be changed by ${roles.length > 0 ? `${roles.join(' or ')} ` : ''}staff of a city-level unit; ${staff.unitId} is not one`,
    },
    { unitId: staff.unitId },
  );
}

/**
 * One line for people: `public`, `staff`, `staff (+ service tokens of intake)` (@AllowServiceTokens), `staff (+ sysadmin)` (@OpenToAdministrators), or the
 * roles (and the refusal code when not ROLE_REQUIRED), then ` of a city-level unit → CITY_LEVEL_REQUIRED` for a @CityLevel() route.
 */
export function describeAccess(access: RouteAccess): string {
  if (access.kind === 'public') return 'public';
  // Administrators opened to the route matter only where no role is required (@Roles() still binds them).
  const administrators = !access.requirement && access.administrators?.length ? ` (+ ${access.administrators.join(', ')})` : '';
  const services = access.serviceTokens.length > 0 ? ` (+ service tokens of ${access.serviceTokens.join(', ')})` : '';
  const service = `${services}${administrators}`;
  const city = access.cityLevel ? ' of a city-level unit → CITY_LEVEL_REQUIRED' : '';
  if (!access.requirement) return `staff${service}${city}`;
  const code = access.requirement.code === 'ROLE_REQUIRED' ? '' : ` → ${access.requirement.code}`;
  return `${access.requirement.roles.join(', ')}${service}${code}${city}`;
}
