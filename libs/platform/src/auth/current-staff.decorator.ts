import { createParamDecorator, type ExecutionContext } from '@nestjs/common';

import type { StaffPrincipal } from './staff-claims';

export interface AuthenticatedRequest {
  staff?: StaffPrincipal;
}

/** The verified staff principal of the request. */
export const CurrentStaff = createParamDecorator((_: unknown, ctx: ExecutionContext): StaffPrincipal | undefined => {
  return ctx.switchToHttp().getRequest<AuthenticatedRequest>().staff;
});
