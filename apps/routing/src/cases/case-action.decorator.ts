import { applyDecorators, HttpCode, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { Roles, type StaffRole } from '@sunshine/platform';

/**
 * One act on a case (`POST …/<path>`, the version read given as If-Match): answers 200 with the case's new version and
 * the events the act emitted (ActionResult), to callers holding one of `roles` (else 403 ROLE_REQUIRED, or `code`);
 * `summary` names the act and its event for OpenAPI.
 */
export function CaseAction(path: string, roles: readonly StaffRole[], summary: string, code?: string): MethodDecorator {
  return applyDecorators(Post(path), HttpCode(200), code ? Roles({ code }, ...roles) : Roles(...roles), ApiOperation({ summary }));
}
