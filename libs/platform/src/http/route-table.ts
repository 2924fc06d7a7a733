import { type INestApplicationContext, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import type { NestContainer } from '@nestjs/core';

import { type RouteAccess, routeAccessOf } from '../auth/route-access';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- controllers and handlers are plain functions here
type Target = Function;

/** One HTTP route of an application, with who may call it. */
export interface RouteEntry {
  /** Upper case, e.g. `POST`. */
  readonly method: string;
  /** OpenAPI style, e.g. `/cases/{caseId}/sign`. */
  readonly path: string;
  readonly controller: Target;
  readonly handlerName: string;
  readonly handler: Target;
  readonly access: RouteAccess;
}

function paths(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value ?? '/'];
  return list.map((p) => String(p).replace(/^\/+|\/+$/g, ''));
}

function join(controllerPath: string, methodPath: string): string {
  const joined = [controllerPath, methodPath].filter((p) => p !== '').join('/');
  return `/${joined}`.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

/**
 * Every HTTP route of the application's controllers (not Kafka handlers), read from the decorators' metadata: works
 * on an application created in preview mode (nothing instantiated, nothing connected).
 */
export function routeTable(app: INestApplicationContext): RouteEntry[] {
  const container = (app as unknown as { container: NestContainer }).container;
  const controllers = new Set<Target>();
  for (const module of container.getModules().values()) {
    for (const wrapper of module.controllers.values()) if (wrapper.metatype) controllers.add(wrapper.metatype as Target);
  }
  const routes: RouteEntry[] = [];
  for (const controller of controllers) {
    const prototype = controller.prototype as Record<string, unknown>;
    for (const handlerName of Object.getOwnPropertyNames(prototype)) {
      const handler = Object.getOwnPropertyDescriptor(prototype, handlerName)?.value as unknown;
      if (typeof handler !== 'function' || handlerName === 'constructor') continue;
      const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      if (method === undefined) continue;
      for (const base of paths(Reflect.getMetadata(PATH_METADATA, controller))) {
        for (const own of paths(Reflect.getMetadata(PATH_METADATA, handler))) {
          routes.push({
            method: RequestMethod[method],
            path: join(base, own),
            controller,
            handlerName,
            handler,
            access: routeAccessOf(handler, controller),
          });
        }
      }
    }
  }
  return routes;
}
