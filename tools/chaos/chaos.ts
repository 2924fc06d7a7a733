import { type ServiceName, ServiceNames } from '@sunshine/platform';
import { infraEnv } from '@sunshine/testing';
import Redis from 'ioredis';

import { benchArgs, loadAverage, writeResult } from '../bench/bench-support';
import { type Offered, Offerer } from '../bench/pipeline/offer';
import { readPetitionTexts, TEDDY_DEFAULT } from '../bench/pipeline/petitions';
import { startOwnStack } from '../bench/pipeline/stack';
import { ChaosInfra } from './chaos-infra';
import { type Verdict, verify } from './checks';

/**
 * `npm run chaos`: the five services on infrastructure of their own (deploy/local/infra.sh with .local/chaos-infra and
 * ports 19092/15432/16379: the shared Kafka, PostgreSQL and Redis are never touched), or with `--infra shared` on the
 * running infrastructure under a prefix of their own (kill:<service> and redis only: `redis` then deletes the stack's
 * keys instead of FLUSHALL; the short run in `npm test`), steady registrations with every
 * accepted case id recorded, and one fault per phase: kill -9 of each service, a Kafka broker restart, a PostgreSQL
 * restart, FLUSHALL on Redis. After each, every case that got a 201 (in every phase so far) must be dispatched exactly
 * once on the case log, in its target unit's inbox once and in the city view once. Prints offered, accepted, lost,
 * duplicated and recovery time per fault; JSON under tmp/bench/. Exits 1 when a case is lost or duplicated.
 *
 *   npm run build && npm run chaos -- --rate 5 --phase 20 --faults kill:intake,kafka,postgres
 *   npm run chaos -- --keepInfra         # leave the chaos infrastructure running afterwards
 *   npm run chaos -- --infra shared --faults kill:routing,redis --phase 8 --rate 3 --recover 60   # npm test's short run
 */
const ALL_FAULTS = [...ServiceNames.map((s) => `kill:${s}`), 'kafka', 'postgres', 'postgres-kill', 'redis'];
const args = benchArgs({
  rate: 5,
  phase: 20,
  faultAt: 5,
  recover: 180,
  faults: ALL_FAULTS.join(','),
  data: TEDDY_DEFAULT,
  keepInfra: false,
  infra: 'own',
});
/** Faults that restart a server: only on the chaos suite's own infrastructure. */
const OWN_INFRA_FAULTS = ['kafka', 'postgres', 'postgres-kill'];

interface PhaseResult {
  readonly fault: string;
  readonly offered: number;
  readonly accepted: number;
  readonly statuses: Record<string, number>;
  /** From the fault to the first 201 after it (intake accepting again), ms. */
  readonly acceptingAgainMs: number | null;
  /** From the fault until every accepted case so far is dispatched, in its inbox and in the city view, ms. */
  readonly recoveryMs: number | null;
  readonly verdict: Verdict;
}

type Stack = Awaited<ReturnType<typeof startOwnStack>>;

async function inject(fault: string, stack: Stack, infra: ChaosInfra | null): Promise<void> {
  if (fault.startsWith('kill:')) {
    const service = fault.slice(5) as ServiceName;
    await stack.harness.kill(service, 'SIGKILL');
    await stack.harness.start(service);
  } else if (fault === 'redis' && !infra) {
    await dropStackKeys(stack.prefix);
  } else if (fault === 'kafka' && infra) {
    await infra.restartKafka('SIGTERM');
  } else if (fault === 'postgres' && infra) {
    await infra.stopPostgres();
    await new Promise((r) => setTimeout(r, 3000));
    await infra.startPostgres();
  } else if (fault === 'postgres-kill' && infra) {
    // A crash, not a stop: the postmaster and every backend SIGKILLed, then crash recovery from the WAL.
    await infra.killPostgres();
    await new Promise((r) => setTimeout(r, 3000));
    await infra.startPostgres();
  } else if (fault === 'redis') {
    const redis = new Redis(infraEnv().redisUrl);
    try {
      await redis.flushall();
    } finally {
      redis.disconnect();
    }
  } else {
    throw new Error(`unknown fault ${fault}; known: ${ALL_FAULTS.join(', ')}`);
  }
}

/** The shared Redis serves others: the stack loses every key of its own (queues, timers), as FLUSHALL would do to it. */
async function dropStackKeys(prefix: string): Promise<void> {
  const redis = new Redis(infraEnv().redisUrl);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `*${prefix}*`, 'COUNT', 1000);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

async function phase(
  fault: string,
  stack: Stack,
  infra: ChaosInfra | null,
  texts: Awaited<ReturnType<typeof readPetitionTexts>>,
  all: Offered[],
): Promise<PhaseResult> {
  const offerer = new Offerer(stack, texts, { rate: args.rate, concurrency: 0, durationSec: args.phase, maxInFlight: 200 });
  const load = offerer.run();
  await new Promise((r) => setTimeout(r, args.faultAt * 1000));
  const tFault = Date.now();
  process.stdout.write(`chaos: ${fault} …\n`);
  await inject(fault, stack, infra).catch((error: unknown) => process.stdout.write(`chaos: injecting ${fault} failed: ${String(error)}\n`));
  await load;
  all.push(...offerer.offered);
  const firstAfter = offerer.offered
    .filter((o) => o.status === 201 && o.sentAt >= tFault)
    .map((o) => o.answeredAt)
    .sort((a, b) => a - b)[0];
  const accepted = all.flatMap((o) => (o.caseId ? [o.caseId] : []));
  let verdict = await verify(stack, accepted).catch(() => null);
  const until = Date.now() + args.recover * 1000;
  while ((!verdict || !verdict.whole) && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 3000));
    verdict = await verify(stack, accepted).catch(() => null);
  }
  const statuses: Record<string, number> = {};
  for (const o of offerer.offered) statuses[String(o.status)] = (statuses[String(o.status)] ?? 0) + 1;
  const final = verdict ?? (await verify(stack, accepted));
  return {
    fault,
    offered: offerer.offered.length,
    accepted: offerer.offered.filter((o) => o.status === 201).length,
    statuses,
    acceptingAgainMs: firstAfter ? firstAfter - tFault : null,
    recoveryMs: final.whole ? Date.now() - tFault : null,
    verdict: final,
  };
}

function print(results: readonly PhaseResult[]): void {
  const head = `${'fault'.padEnd(20)} ${'offered'.padStart(7)} ${'201'.padStart(5)} ${'lost d/i/c'.padStart(12)} ${'dup d/i/c'.padStart(11)} ${'accepting again s'.padStart(18)} ${'recovered s'.padStart(12)}  statuses\n`;
  process.stdout.write(`\n${head}`);
  for (const r of results) {
    const l = r.verdict.lost;
    const d = r.verdict.duplicated;
    const s = (ms: number | null) => (ms === null ? 'never' : (ms / 1000).toFixed(1));
    process.stdout.write(
      `${r.fault.padEnd(20)} ${String(r.offered).padStart(7)} ${String(r.accepted).padStart(5)} ${`${l.dispatched}/${l.inbox}/${l.city}`.padStart(12)} ` +
        `${`${d.dispatched}/${d.inbox}/${d.city}`.padStart(11)} ${s(r.acceptingAgainMs).padStart(18)} ${s(r.recoveryMs).padStart(12)}  ${Object.entries(
          r.statuses,
        )
          .map(([k, v]) => `${k}:${v}`)
          .join(' ')}\n`,
    );
  }
}

async function main(): Promise<void> {
  const faults = args.faults.split(',').filter(Boolean);
  const load0 = loadAverage();
  const texts = await readPetitionTexts(args.data);
  if (args.infra !== 'own' && args.infra !== 'shared') throw new Error(`--infra own|shared, not ${args.infra}`);
  const refused = args.infra === 'shared' ? faults.filter((f) => OWN_INFRA_FAULTS.includes(f)) : [];
  if (refused.length > 0) throw new Error(`${refused.join(', ')} would restart the shared infrastructure: use --infra own`);
  const infra = args.infra === 'own' ? new ChaosInfra() : null;
  if (infra) {
    process.stdout.write(
      `chaos: starting its own infrastructure in ${infra.home} (Kafka :${infra.ports.kafka}, PostgreSQL :${infra.ports.postgres}, Redis :${infra.ports.redis}) …\n`,
    );
    await infra.up();
    process.stdout.write(`chaos: PostgreSQL made durable: ${await infra.makeDurable()}\n`);
  } else {
    process.stdout.write(`chaos: on the running infrastructure (${infraEnv().kafkaBrokers.join(',')}), under a prefix of its own …\n`);
  }
  let stack: Stack | undefined;
  const results: PhaseResult[] = [];
  // Interrupted: still stop the services and the chaos infrastructure.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      process.stdout.write(`chaos: ${signal}, cleaning up …\n`);
      void (async () => {
        await stack?.stop().catch(() => undefined);
        if (infra && !args.keepInfra) await infra.down().catch(() => undefined);
        process.exit(130);
      })();
    });
  }
  try {
    stack = await startOwnStack({ CONSUMER_SESSION_TIMEOUT_MS: '10000' });
    const all: Offered[] = [];
    for (const fault of faults) {
      const r = await phase(fault, stack, infra, texts, all);
      results.push(r);
      process.stdout.write(`chaos: ${fault}: ${r.accepted} accepted, ${r.verdict.whole ? 'whole' : 'NOT WHOLE'}\n`);
    }
  } finally {
    print(results);
    process.stdout.write(`JSON: ${writeResult('chaos', { args, load: { start: load0, end: loadAverage() }, results })}\n`);
    await stack?.stop().catch(() => undefined);
    if (infra && !args.keepInfra) await infra.down().catch(() => undefined);
  }
  if (results.some((r) => !r.verdict.whole)) process.exitCode = 1;
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
