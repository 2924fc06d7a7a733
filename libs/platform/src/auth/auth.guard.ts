import { type CanActivate, type ExecutionContext, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';

import { OrgDirectorySource } from '../directory/org-directory.source';
import type { DomainException } from '../errors/domain.exception';
import type { AuthenticatedRequest } from './current-staff.decorator';
import { JwtVerifier, TOKEN_REFUSALS, TokenRejectedError } from './jwt-verifier';
import { accessRefusal, cityLevelRefusal, type RouteAccess, routeAccessOf } from './route-access';
import type { StaffPrincipal } from './staff-claims';

interface HeaderRequest extends AuthenticatedRequest {
  headers: Record<string, string | string[] | undefined>;
}

/**
 * The one global guard of every HTTP endpoint: a valid bearer JWT unless @Public() (401 TOKEN_MISSING /
 * TOKEN_INVALID, TOKEN_EXPIRED, TOKEN_EXPIRY_MISSING, TOKEN_LIFETIME_EXCESSIVE, TOKEN_ROLES_INCOMPATIBLE,
 * TOKEN_SERVICE_KEY_MISUSED), then, for other services' tokens, @AllowServiceTokens() naming the caller's service (403
 * STAFF_ONLY where it names none, SERVICE_NOT_ALLOWED where it names others), the route's @Roles() (403 ROLE_REQUIRED
 * naming the roles), and @CityLevel() (403 CITY_LEVEL_REQUIRED, the caller's unit looked up in
 * the service's OrgDirectorySource). Runs before pipes: a refused caller learns nothing about its input.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    @Inject(JwtVerifier) private readonly verifier: JwtVerifier,
    @Inject(ModuleRef) private readonly modules: ModuleRef,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const access = routeAccessOf(context.getHandler(), context.getClass());
    if (access.kind === 'public') return true;
    const request = context.switchToHttp().getRequest<HeaderRequest>();
    const header = request.headers['authorization'];
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match) throw unauthorized('TOKEN_MISSING', '缺少访问令牌', 'a bearer token is required');
    try {
      request.staff = await this.verifier.verify(match[1]);
    } catch (error) {
      const refused = error instanceof TokenRejectedError ? error : new TokenRejectedError('invalid token');
      throw unauthorized(refused.code, TOKEN_REFUSALS[refused.code], refused.reason);
    }
    const refusal = accessRefusal(access, request.staff) ?? (await this.cityLevel(access, request.staff));
    if (refusal) throw refusal;
    return true;
  }

  /** Only @CityLevel() routes read the directory; looked up when first needed, so other services need not bind one. */
  private async cityLevel(access: RouteAccess, staff: StaffPrincipal): Promise<DomainException | undefined> {
    if (access.kind === 'public' || !access.cityLevel) return undefined;
    const directory = this.modules.get(OrgDirectorySource, { strict: false });
    return cityLevelRefusal(access, staff, await directory.current());
  }
}

function unauthorized(code: string, zh: string, en: string): UnauthorizedException {
  return new UnauthorizedException({ code, message: { zh, en } });
}
