/**
 * A world (a harness, a test run) for the enclosing describe block: `start` runs before its first test, `stop` after
 * its last (only if it started). The object returned stands for the world in tests and hooks: it forwards every
 * property to the started one, methods bound to it; touched before the start, it throws.
 *
 *   const w = forSuite(() => RoutingWorld.start('small'), (w) => w.stop());
 */
export function forSuite<W extends object>(start: () => Promise<W>, stop: (world: W) => Promise<void>): W {
  let world: W | undefined;
  beforeAll(async () => {
    world = await start();
  });
  afterAll(async () => {
    if (world) await stop(world);
  });
  return new Proxy({} as W, {
    get(_, property) {
      if (!world) throw new Error(`the suite's world is not started yet (reading ${String(property)})`);
      const value: unknown = Reflect.get(world, property, world);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(world) : value;
    },
  });
}
