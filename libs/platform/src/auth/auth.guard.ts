import { Inject, Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { AuthenticatedRequest } from './current-staff.decorator';
import { JwtVerifier, TokenRejectedError } from './jwt-verifier';
import { IS_PUBLIC } from './public.decorator';

interface HeaderRequest extends AuthenticatedRequest {
  headers: Record<string, string | string[] | undefined>;
}

/** Requires a valid bearer JWT on every HTTP endpoint not marked @Public(). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(JwtVerifier) private readonly verifier: JwtVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;
    const request = context.switchToHttp().getRequest<HeaderRequest>();
    const header = request.headers['authorization'];
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match) throw unauthorized('TOKEN_MISSING', '缺少访问令牌', 'a bearer token is required');
    try {
      request.staff = await this.verifier.verify(match[1]);
      return true;
    } catch (error) {
      const reason = error instanceof TokenRejectedError ? error.reason : 'invalid token';
      throw unauthorized('TOKEN_INVALID', '访问令牌无效或已过期', reason);
    }
  }
}

function unauthorized(code: string, zh: string, en: string): UnauthorizedException {
  return new UnauthorizedException({ code, message: { zh, en } });
}
