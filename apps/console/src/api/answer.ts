/**
 * The documented success body (200, else 201) of one operation of a generated `paths` (src/api/generated/*): what the
 * service's @ZodResponse schema says it answers, e.g. `Answer<RoutingPaths, '/inbox', 'get'>`.
 */
export type Answer<Paths, Path extends keyof Paths, Method extends keyof Paths[Path]> = Paths[Path][Method] extends { responses: infer R }
  ? R extends { 200: { content: { 'application/json': infer B } } }
    ? B
    : R extends { 201: { content: { 'application/json': infer B } } }
      ? B
      : never
  : never;
