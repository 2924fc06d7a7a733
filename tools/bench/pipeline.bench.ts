import { type ServiceName, ServiceNames } from '@sunshine/platform';

import { benchArgs, loadAverage, percentile, writeResult } from './bench-support';
import { type Ceiling, measureCeiling } from './pipeline/ceiling';
import { type Offered, Offerer } from './pipeline/offer';
import { readPetitionTexts, TEDDY_DEFAULT } from './pipeline/petitions';
import { FeedSubscriber, InboxPoller, type Sample, Sampler, Sightings, TopicWatcher } from './pipeline/probes';
import { type BenchStack, startOwnStack, useUpStack } from './pipeline/stack';

/**
 * The pipeline benchmark: offers petitions (realistic Chinese text read at run time from the Teddy Cup messages) to
 * intake at a set rate or concurrency, and follows each accepted one to `case.dispatched` on the case log, into the
 * target unit's inbox (routing) and onto the city's live feed (supervision); samples consumer lag, outbox backlogs,
 * CPU and RSS per process; measures the infrastructure's ceiling in the same run. Prints one table, writes JSON under
 * tmp/bench/. A benchmark, never a test: it asserts nothing.
 *
 *   npm run bench pipeline                               # own stack (from dist/), 20/s for 30 s
 *   npm run bench pipeline -- --rate 50 --duration 60
 *   npm run bench pipeline -- --concurrency 16
 *   npm run bench pipeline -- --stack up                 # against the stack `npm run up` started
 *   npm run bench pipeline -- --data ../shared/data/teddy/train.jsonl --ceiling 0
 *   npm run bench pipeline -- --services intake,routing,supervision --env DB_POOL_MAX=20
 *   npm run bench pipeline -- --pg socket                # own stack reaches PostgreSQL over its Unix socket (from
 *                                                        # PG_SOCKET_DIR of `infra.sh env`); default TCP
 */
const args = benchArgs({
  rate: 20,
  concurrency: 0,
  duration: 30,
  drain: 30,
  data: TEDDY_DEFAULT,
  stack: 'own',
  ceiling: 5,
  inbox: true,
  env: '',
  services: ServiceNames.join(','),
  pg: 'tcp',
});

interface Dist {
  readonly n: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
}

function dist(values: readonly number[]): Dist {
  return { n: values.length, p50: percentile(values, 50), p95: percentile(values, 95), p99: percentile(values, 99) };
}

function since(offered: readonly Offered[], seen: Map<string, number>): number[] {
  return offered.flatMap((o) => (o.caseId && seen.has(o.caseId) ? [(seen.get(o.caseId) ?? 0) - o.answeredAt] : []));
}

function summarise(samples: readonly Sample[], everySec: number, services: readonly string[]) {
  const names = [...new Set(samples.flatMap((s) => Object.keys(s.rssMb)))];
  const processes = Object.fromEntries(
    names.map((n) => {
      const cpu = samples.map((s) => s.cpuMs[n] ?? 0);
      const cpuPct = cpu.length ? (cpu.reduce((a, b) => a + b, 0) / (cpu.length * everySec * 1000)) * 100 : 0;
      return [
        n,
        {
          cpuPct: Math.round(cpuPct),
          cpuMs: cpu.reduce((a, b) => a + b, 0),
          rssMaxMb: Math.max(0, ...samples.map((s) => s.rssMb[n] ?? 0)),
        },
      ];
    }),
  );
  const max = (pick: (s: Sample) => Partial<Record<string, number>>) =>
    Object.fromEntries(services.map((n) => [n, Math.max(0, ...samples.map((s) => pick(s)[n] ?? 0))]));
  return {
    processes,
    maxLag: max((s) => s.lag),
    maxOutbox: max((s) => s.outbox),
    endLag: samples.at(-1)?.lag ?? {},
    endOutbox: samples.at(-1)?.outbox ?? {},
  };
}

const ms = (v: number) => (Number.isFinite(v) ? `${Math.round(v)}` : '—');
const row = (label: string, value: string, extra = '') => `${label.padEnd(40)} ${value.padStart(22)}  ${extra}\n`;

function table(result: ReturnType<typeof report>): string {
  const r = result;
  let out = `\npipeline: ${r.mode}, ${r.durationSec} s, stack ${r.stack} (PostgreSQL over ${r.pg}); load ${r.load.start} → ${r.load.end}\n`;
  out += row('offered /s', r.offeredPerSec.toFixed(1));
  out += row(
    'accepted (201) /s',
    r.acceptedPerSec.toFixed(1),
    r.ceiling ? `${((100 * r.acceptedPerSec) / r.ceiling.pgRegistrationTxPerSec).toFixed(2)} % of PG registration-shaped tx/s` : '',
  );
  out += row(
    'HTTP status counts',
    Object.entries(r.statuses)
      .map(([s, n]) => `${s}:${n}`)
      .join(' '),
  );
  out += row('POST ms p50/p95/p99', `${ms(r.post.p50)} / ${ms(r.post.p95)} / ${ms(r.post.p99)}`);
  for (const [label, d] of [
    ['201 → case.dispatched on topic', r.toDispatched],
    ['201 → target unit inbox', r.toInbox],
    ['201 → city SSE feed', r.toFeed],
  ] as const) {
    out += row(`${label} ms p50/p95/p99`, `${ms(d.p50)} / ${ms(d.p95)} / ${ms(d.p99)}`, `seen ${d.n} of ${r.accepted}`);
  }
  out += row(
    'case-log events /s (during load)',
    r.caseLogEventsPerSec.toFixed(1),
    r.ceiling ? `${((100 * r.caseLogEventsPerSec) / r.ceiling.kafkaProducePerSec).toFixed(3)} % of kafkajs produce` : '',
  );
  const services = Object.keys(r.maxLag) as ServiceName[];
  out += row('consumer lag max (end)', services.map((n) => `${n.slice(0, 4)}:${r.maxLag[n]}(${r.endLag[n] ?? 0})`).join(' '));
  out += row('outbox backlog max (end)', services.map((n) => `${n.slice(0, 4)}:${r.maxOutbox[n]}(${r.endOutbox[n] ?? 0})`).join(' '));
  for (const [name, p] of Object.entries(r.processes)) out += row(`  ${name} CPU % / RSS max MB`, `${p.cpuPct} / ${p.rssMaxMb}`);
  const cpuMs = Object.values(r.processes).reduce((a, p) => a + p.cpuMs, 0);
  out += row('CPU ms per accepted registration', r.accepted ? ms(cpuMs / r.accepted) : '—', 'all processes above, load and drain');
  if (r.ceiling) {
    out += row('ceiling: kafkajs produce msg/s (1 kB)', ms(r.ceiling.kafkaProducePerSec));
    out += row('ceiling: kafkajs consume msg/s', ms(r.ceiling.kafkaConsumePerSec));
    out += row('ceiling: PG single-row tx/s (16 conn)', ms(r.ceiling.pgSingleRowTxPerSec));
    out += row('ceiling: PG registration-shaped tx/s', ms(r.ceiling.pgRegistrationTxPerSec));
  }
  return out;
}

function report(
  offered: readonly Offered[],
  seen: Sightings,
  samples: readonly Sample[],
  ceiling: Ceiling | null,
  meta: { stack: string; pg: string; services: readonly string[]; load: { start: string; end: string }; loadMs: number },
) {
  const sent = offered.filter((o) => o.status !== -1);
  const accepted = offered.filter((o) => o.status === 201);
  const statuses: Record<string, number> = {};
  for (const o of offered) statuses[String(o.status)] = (statuses[String(o.status)] ?? 0) + 1;
  const seconds = meta.loadMs / 1000;
  const caseLogEvents = seen.registered.size + [...seen.dispatchCount.values()].reduce((a, b) => a + b, 0);
  return {
    mode: args.concurrency > 0 ? `closed loop, ${args.concurrency} clients` : `open loop, ${args.rate}/s offered`,
    durationSec: args.duration,
    stack: meta.stack,
    pg: meta.pg,
    load: meta.load,
    offeredPerSec: sent.length / args.duration,
    accepted: accepted.length,
    acceptedPerSec: accepted.length / seconds,
    statuses,
    post: dist(sent.map((o) => o.answeredAt - o.sentAt)),
    toDispatched: dist(since(accepted, seen.dispatched)),
    toInbox: dist(since(accepted, seen.inbox)),
    toFeed: dist(since(accepted, seen.feed)),
    caseLogEventsPerSec: caseLogEvents / seconds,
    ...summarise(samples, 2, meta.services),
    ceiling,
  };
}

async function main(): Promise<void> {
  const load0 = loadAverage();
  const texts = await readPetitionTexts(args.data);
  const extraEnv = Object.fromEntries(
    args.env
      .split(',')
      .filter(Boolean)
      .map((kv) => kv.split('=', 2) as [string, string]),
  );
  process.stdout.write(`pipeline: ${texts.length} messages from ${args.data}; starting the ${args.stack} stack …\n`);
  const stack: BenchStack =
    args.stack === 'up'
      ? await useUpStack()
      : await startOwnStack(
          extraEnv,
          args.services.split(',').filter((n): n is ServiceName => (ServiceNames as readonly string[]).includes(n)),
          { pgSocketDir: args.pg === 'socket' ? process.env['PG_SOCKET_DIR'] : undefined },
        );
  const seen = new Sightings();
  const watcher = new TopicWatcher(stack, seen);
  const feed = new FeedSubscriber(stack, seen);
  const inbox = new InboxPoller(stack, seen);
  const sampler = new Sampler(stack);
  try {
    const ceiling = args.ceiling > 0 ? await measureCeiling(args.ceiling) : null;
    await watcher.start();
    await feed.start();
    if (args.inbox) inbox.start();
    await sampler.start();
    const offerer = new Offerer(stack, texts, { rate: args.rate, concurrency: args.concurrency, durationSec: args.duration });
    const t0 = Date.now();
    await offerer.run();
    const loadMs = Date.now() - t0;
    // Drain: wait until every accepted case reached the feed (and the inbox), or the drain time is up.
    const accepted = offerer.offered.filter((o) => o.caseId).map((o) => o.caseId ?? '');
    const drainUntil = Date.now() + args.drain * 1000;
    while (Date.now() < drainUntil && accepted.some((c) => !seen.feed.has(c) || (args.inbox && !seen.inbox.has(c))))
      await new Promise((r) => setTimeout(r, 250));
    await sampler.stop();
    const result = report(offerer.offered, seen, sampler.samples, ceiling, {
      stack: stack.kind,
      pg: args.stack === 'up' ? 'the up stack’s DATABASE_URL' : args.pg === 'socket' ? 'its Unix socket' : 'TCP',
      services: Object.keys(stack.pids()),
      load: { start: load0, end: loadAverage() },
      loadMs,
    });
    process.stdout.write(table(result));
    process.stdout.write(`JSON: ${writeResult('pipeline', { args, ...result, samples: sampler.samples })}\n`);
  } finally {
    await inbox.stop();
    await feed.stop();
    await watcher.stop();
    await stack.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
