import { applyDecorators } from '@nestjs/common';
import { type HttpMethod, Route, type RouteOptions } from '@sunshine/platform';

import { ApiCaseNotFound } from './openapi';
import { PublicRateLimited } from './public-rate-limited.decorator';

/** What a citizen route declares beside its method and path. */
export interface CitizenRouteOptions extends RouteOptions {
  /** It opens a case by number + query code: documents the 404 that a wrong code shares with a missing case. */
  readonly caseNotFound?: boolean;
}

/** One citizen endpoint's decorator stack in one: the route, no token, rate limited per client (PublicRateLimited). */
export function CitizenRoute(method: HttpMethod, path: string, options: CitizenRouteOptions): MethodDecorator {
  const decorators: MethodDecorator[] = [Route(method, path, options), PublicRateLimited()];
  if (options.caseNotFound) decorators.push(ApiCaseNotFound());
  return applyDecorators(...decorators);
}
