import { applyDecorators } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { ERROR_BODY_REF, Public } from '@sunshine/platform';

/** A citizen endpoint: no token, and rate limited per client address (see registerIntakePlugins). */
export function PublicRateLimited(): MethodDecorator & ClassDecorator {
  return applyDecorators(
    Public(),
    RouteConfig({ rateLimit: {} }),
    ApiTooManyRequestsResponse({ description: '请求过于频繁 / rate limited', schema: ERROR_BODY_REF }),
  );
}
