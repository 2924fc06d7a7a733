import { Inject, Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { AuthenticatedRequest } from './current-staff.decorator';
import { JwtVerifier, TokenRejectedError } from './jwt-verifier';
import { accessRefusal, routeAccessOf } from './route-access';

interface HeaderRequest extends AuthenticatedRequest {
  headers: Record<string, string | string[] | undefined>;
}

/**
 * The one global guard of every HTTP endpoint: a valid bearer JWT unless @Public() (401 TOKEN_MISSING /
 * TOKEN_INVALID), then the route's @Roles() (403 ROLE_REQUIRED naming the roles) and, for other services' tokens,
 * @AllowServiceTokens() (403 STAFF_ONLY). Runs before pipes: a refused caller learns nothing about its input.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(@Inject(JwtVerifier) private readonly verifier: JwtVerifier) {}

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
      const reason = error instanceof TokenRejectedError ? error.reason : 'invalid token';
      throw unauthorized('TOKEN_INVALID', '访问令牌无效或已过期', reason);
    }
    const refusal = accessRefusal(access, request.staff);
    if (refusal) throw refusal;
    return true;
  }
}

function unauthorized(code: string, zh: string, en: string): UnauthorizedException {
  return new UnauthorizedException({ code, message: { zh, en } });
}
