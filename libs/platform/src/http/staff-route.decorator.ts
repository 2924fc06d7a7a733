import { applyDecorators, Delete, Get, HttpCode, Patch, Post, Put } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import type { StaffRole } from '../auth/staff-claims';
import { Roles } from './roles.decorator';

const METHODS = { GET: Get, POST: Post, PUT: Put, PATCH: Patch, DELETE: Delete } as const;

/** What a staff route declares beside its method and path. */
export interface StaffRouteOptions {
  /** The roles that may call it (else 403 `code`, ROLE_REQUIRED by default); any staff token when absent. */
  readonly roles?: readonly StaffRole[];
  /** The refusal code when the caller holds none of `roles`. */
  readonly code?: string;
  /** The operation's OpenAPI summary (zh, then en). */
  readonly summary: string;
  /** The success status when not Nest's default (200, or 201 for POST). */
  readonly status?: number;
}

/**
 * One staff endpoint's decorator stack in one: the route (`method` `path`), its success status, who may call it
 * (@Roles) and its OpenAPI summary. Parameters stay on the handler (@Param, @ZodBody, @ZodQuery, @Staff).
 */
export function StaffRoute(method: keyof typeof METHODS, path: string, options: StaffRouteOptions): MethodDecorator {
  const { roles, code, summary, status } = options;
  const decorators: MethodDecorator[] = [METHODS[method](path)];
  if (status !== undefined) decorators.push(HttpCode(status));
  if (roles && roles.length > 0) decorators.push(code ? Roles({ code }, ...roles) : Roles(...roles));
  decorators.push(ApiOperation({ summary }));
  return applyDecorators(...decorators);
}
