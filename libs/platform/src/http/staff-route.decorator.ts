import { applyDecorators, Delete, Get, HttpCode, Patch, Post, Put } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';

import type { StaffRole } from '../auth/staff-claims';
import { Roles } from './roles.decorator';

const METHODS = { GET: Get, POST: Post, PUT: Put, PATCH: Patch, DELETE: Delete } as const;

/** An HTTP method a route decorator takes. */
export type HttpMethod = keyof typeof METHODS;

/** What any route declares beside its method and path. */
export interface RouteOptions {
  /** The operation's OpenAPI summary (zh, then en). */
  readonly summary: string;
  /** The success status when not Nest's default (200, or 201 for POST). */
  readonly status?: number;
}

/** What a staff route declares beside its method and path. */
export interface StaffRouteOptions extends RouteOptions {
  /** The roles that may call it (else 403 `code`, ROLE_REQUIRED by default); any staff token when absent. */
  readonly roles?: readonly StaffRole[];
  /** The refusal code when the caller holds none of `roles`. */
  readonly code?: string;
}

/** A route (`method` `path`), its success status and its OpenAPI summary; who may call it is the caller's to add. */
export function Route(method: HttpMethod, path: string, options: RouteOptions): MethodDecorator {
  const decorators: MethodDecorator[] = [METHODS[method](path)];
  if (options.status !== undefined) decorators.push(HttpCode(options.status));
  decorators.push(ApiOperation({ summary: options.summary }));
  return applyDecorators(...decorators);
}

/**
 * One staff endpoint's decorator stack in one: the route (`method` `path`), its success status, who may call it
 * (@Roles) and its OpenAPI summary. Parameters stay on the handler (@Param, @ZodBody, @ZodQuery, @Staff).
 */
export function StaffRoute(method: HttpMethod, path: string, options: StaffRouteOptions): MethodDecorator {
  const { roles, code } = options;
  if (!roles || roles.length === 0) return Route(method, path, options);
  return applyDecorators(Route(method, path, options), code ? Roles({ code }, ...roles) : Roles(...roles));
}
