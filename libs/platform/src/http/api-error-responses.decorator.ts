import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';

import { ERROR_BODY_REF } from './error-body';

/** Every error answer an endpoint of the platform may give, each with the one error body. */
export const ERROR_RESPONSES: ReadonlyArray<readonly [number, string]> = [
  [400, '请求数据不合法（逐项说明字段） / malformed input, each field named (VALIDATION_FAILED, VERSION_REQUIRED)'],
  [
    401,
    '缺少或无效的访问令牌 / no token, or an invalid or expired one (TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED, TOKEN_EXPIRY_MISSING, TOKEN_LIFETIME_EXCESSIVE, TOKEN_ROLES_INCOMPATIBLE, TOKEN_SERVICE_KEY_MISUSED)',
  ],
  [403, '角色或单位无权办理 / the caller’s role or unit may not do this (ROLE_REQUIRED, STAFF_ONLY …)'],
  [404, '不存在或无权查看 / not found, or not visible to the caller (the same answer)'],
  [409, '版本冲突或当前状态不允许 / version conflict or an illegal transition (VERSION_CONFLICT, ILLEGAL_TRANSITION …)'],
  [422, '业务规则不允许 / refused by a rule of the regulation or of the data'],
  [429, '请求过于频繁（群众自助接口） / rate limited (citizen endpoints)'],
];

/** Documents the error answers (400/401/403/404/409/422/429) with the one error body; put it on every controller. */
export function ApiErrorResponses(): ClassDecorator & MethodDecorator {
  return applyDecorators(...ERROR_RESPONSES.map(([status, description]) => ApiResponse({ status, description, schema: ERROR_BODY_REF })));
}
