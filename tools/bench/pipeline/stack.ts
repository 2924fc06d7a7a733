import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { prefixed } from '@sunshine/contracts';
import { type ServiceName, ServiceNames, type StaffClaims } from '@sunshine/platform';
import { eventually, type HarnessOptions, ServiceHarness, sql } from '@sunshine/testing';

import { DEV_TOKEN_DEFAULTS, signDevToken } from '../../dev-staff';
import { ROOT } from '../bench-support';

/** The five services a benchmark or the chaos suite drives: where they answer, their topics, schemas and processes. */
export interface BenchStack {
  readonly kind: 'own' | 'up';
  readonly prefix: string;
  url(service: ServiceName): string;
  topic(name: string): string;
  schema(service: ServiceName): string;
  groupId(service: ServiceName): string;
  token(claims: StaffClaims): Promise<string>;
  /** The node process of each running service. */
  pids(): Partial<Record<ServiceName, number>>;
  stop(): Promise<void>;
}

const DEMO_UNITS = 1280;

/**
 * Waits until intake's directory replica holds the demo city (a petition is registered only for known units) and has
 * caught up with routing's directory (the same units and revisions): a replica still filling when the load starts
 * makes every registration rebuild the directory it reads (~160 MB of garbage and a second of CPU in the first 15 s of
 * a 10/s run, docs/benchmarks.md "Intake memory"), which is not the steady state being measured.
 */
/**
 * Waits until every service's directory replica holds routing's directory (count and revisions): the load must not
 * start while the services still fold the seeded units (1,281 events each), or the first seconds measure the seed.
 */
async function waitDirectory(replicaSchemas: readonly string[], routingSchema: string): Promise<void> {
  await eventually(
    async () => {
      const [owner] = await sql<{ n: string; r: string }>(
        `SELECT count(*) AS n, coalesce(sum(revision), 0) AS r FROM "${routingSchema}".org_units`,
      ).catch(() => [undefined]);
      for (const schema of replicaSchemas) {
        const [replica] = await sql<{ n: string; r: string }>(
          `SELECT count(*) AS n, coalesce(sum(revision), 0) AS r FROM "${schema}".directory_units`,
        );
        if (Number(replica?.n) < DEMO_UNITS) return undefined;
        // Without routing's schema (a stack without routing) the demo count is all there is to wait for.
        if (owner !== undefined && (owner.n !== replica?.n || owner.r !== replica?.r)) return undefined;
      }
      return true;
    },
    180000,
    'the demo directory to reach every service',
  );
}

/**
 * A stack of its own on the shared infrastructure, isolated by prefix (schemas, topics, consumer groups, queues): the
 * five services from dist/ (build first: `bash deploy/local/build.sh`), the demo directory seeded. `env` is added to
 * every service's environment (e.g. pool sizes).
 */
export async function startOwnStack(
  env: Record<string, string> = {},
  services: readonly ServiceName[] = ServiceNames,
  options: HarnessOptions = {},
): Promise<BenchStack & { readonly harness: ServiceHarness }> {
  // The relay's production poll (the tests' 50 ms would add 5 × 20 idle queries a second to what is measured).
  const h = await ServiceHarness.create({ LOG_LEVEL: 'warn', TEST_CLOCK: 'system', RELAY_POLL_MS: '1000', ...env }, options);
  const stop = async () => {
    await h.stopAll();
    for (const s of ServiceNames) await sql(`DROP SCHEMA IF EXISTS "${h.schema(s)}" CASCADE`).catch(() => undefined);
  };
  try {
    await h.startAll(services);
    await h.runCli('apps/routing/src/seed/seed.js', ['--fixture', 'demo']);
    const replicas = services.filter((n) => n !== 'routing').map((n) => h.schema(n));
    await waitDirectory(replicas, h.schema('routing'));
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    kind: 'own',
    harness: h,
    prefix: h.prefix,
    url: (s) => h.url(s),
    topic: (name) => prefixed(h.prefix, name),
    schema: (s) => h.schema(s),
    groupId: (s) => `${h.prefix}.${s}`,
    token: (claims) => h.keys.token(claims),
    pids: () =>
      Object.fromEntries(
        [...h.services].flatMap(([n, s]) =>
          s.child.pid && s.child.exitCode === null && s.child.signalCode === null ? [[n, s.child.pid]] : [],
        ),
      ),
    stop,
  };
}

const UP_PORTS: Record<ServiceName, number> = { intake: 3001, routing: 3002, supervision: 3003, notification: 3004, evaluation: 3005 };

/** The stack `npm run up` started (ports 3001–3005, no prefix, tokens signed with .local/keys/private.pem). */
export async function useUpStack(): Promise<BenchStack> {
  const keyFile = join(ROOT, DEV_TOKEN_DEFAULTS.keyFile);
  if (!existsSync(keyFile)) throw new Error(`${keyFile} is missing: run npm run up first, or use --stack own`);
  const privateKeyPem = readFileSync(keyFile, 'utf8');
  for (const s of ServiceNames) {
    const res = await fetch(`http://127.0.0.1:${UP_PORTS[s]}/health/live`).catch(() => undefined);
    if (res?.status !== 200) throw new Error(`${s} does not answer on :${UP_PORTS[s]}: run npm run up first, or use --stack own`);
  }
  await waitDirectory(['intake', 'supervision', 'notification', 'evaluation'], 'routing');
  return {
    kind: 'up',
    prefix: '',
    url: (s) => `http://127.0.0.1:${UP_PORTS[s]}`,
    topic: (name) => name,
    schema: (s) => s,
    groupId: (s) => s,
    token: (claims) => signDevToken(claims, { ...DEV_TOKEN_DEFAULTS, privateKeyPem }),
    pids: () =>
      Object.fromEntries(
        ServiceNames.flatMap((s) => {
          const file = join(ROOT, '.local', 'run', `${s}.pid`);
          return existsSync(file) ? [[s, Number(readFileSync(file, 'utf8').trim())]] : [];
        }),
      ),
    stop: async () => undefined,
  };
}
