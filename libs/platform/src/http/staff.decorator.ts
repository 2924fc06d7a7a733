import { createParamDecorator, type ExecutionContext, UnauthorizedException } from '@nestjs/common';

import type { AuthenticatedRequest } from '../auth/current-staff.decorator';
import type { StaffPrincipal } from '../auth/staff-claims';

/**
 * The verified staff principal of the request (the global guard verified the token), or 401 TOKEN_MISSING when there
 * is none, e.g. on a route marked @Public().
 */
export const Staff = createParamDecorator((_: unknown, ctx: ExecutionContext): StaffPrincipal => {
  const staff = ctx.switchToHttp().getRequest<AuthenticatedRequest>().staff;
  if (!staff) throw new UnauthorizedException({ code: 'TOKEN_MISSING', message: { zh: '缺少访问令牌', en: 'a bearer token is required' } });
  return staff;
});
