import { applyDecorators, Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

import { ApiErrorResponses } from './api-error-responses.decorator';

/**
 * A controller of staff endpoints at `path`, grouped under `tag` in OpenAPI, documented with the one error body
 * (ApiErrorResponses). The bearer token is the document's default (buildOpenApiDocument; @Public() routes drop it);
 * who may call stays on @Roles / @AllowServiceTokens / @CityLevel.
 */
export function StaffController(path: string, tag: string): ClassDecorator {
  return applyDecorators(ApiTags(tag), ApiErrorResponses(), Controller(path));
}
