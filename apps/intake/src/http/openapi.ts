import { ApiNotFoundResponse } from '@nestjs/swagger';
import { ERROR_BODY_REF } from '@sunshine/platform';

/** The title of intake's OpenAPI document (at /docs and in docs/openapi/intake.json). */
export const INTAKE_API_TITLE = 'Sunshine intake 信访登记 — registrations, the dossier, citizen self-service';

/**
 * A citizen's case looked up by number + query code: a wrong code looks the same as no case. Staff routes keep the
 * platform's 404 (CASE_NOT_FOUND: 不存在或无权查看, the same for a missing and an invisible case), never this one.
 */
export function ApiCaseNotFound(): MethodDecorator {
  return ApiNotFoundResponse({
    description: '未找到（查询码错误与不存在的答复相同）/ not found (a wrong code looks the same)',
    schema: ERROR_BODY_REF,
  });
}
