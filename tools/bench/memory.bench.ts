import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';

import { type ServiceName, ServiceNames } from '@sunshine/platform';

import { benchArgs, loadAverage, writeResult } from './bench-support';
import { Offerer } from './pipeline/offer';
import { readPetitionTexts, TEDDY_DEFAULT } from './pipeline/petitions';
import { startOwnStack } from './pipeline/stack';

/**
 * Where a service's memory goes: its own stack (from dist/) started, the service's RSS (anonymous and file-backed,
 * from /proc) and V8's heap and external memory (its /metrics) sampled while idle, while intake is offered
 * registrations at a set rate, and after. A benchmark, never a test: it asserts nothing.
 *
 *   npm run bench memory                                   # intake, 10/s for 60 s, intake + routing
 *   npm run bench memory -- --rate 20 --duration 120
 *   npm run bench memory -- --env NODE_OPTIONS=--max-semi-space-size=4
 *   npm run bench memory -- --service routing --services intake,routing
 */
const args = benchArgs({
  service: 'intake',
  services: 'intake,routing',
  rate: 10,
  duration: 60,
  idle: 10,
  after: 10,
  every: 1,
  data: TEDDY_DEFAULT,
  env: '',
});

interface MemorySample {
  readonly phase: 'idle' | 'load' | 'after';
  readonly atSec: number;
  readonly rssMb: number;
  readonly anonMb: number;
  readonly fileMb: number;
  readonly heapTotalMb: number;
  readonly heapUsedMb: number;
  readonly externalMb: number;
}

const MB = 1024 * 1024;
const round = (n: number) => Math.round(n * 10) / 10;

function procStatus(pid: number): { rssMb: number; anonMb: number; fileMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) / 1024;
  return { rssMb: round(kb('VmRSS')), anonMb: round(kb('RssAnon')), fileMb: round(kb('RssFile')) };
}

async function v8Memory(url: string): Promise<{ heapTotalMb: number; heapUsedMb: number; externalMb: number }> {
  const text = await (await fetch(`${url}/metrics`, { signal: AbortSignal.timeout(5000) })).text().catch(() => '');
  const metric = (name: string) => round(Number(new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, 'm').exec(text)?.[1] ?? NaN) / MB);
  return {
    heapTotalMb: metric('nodejs_heap_size_total_bytes'),
    heapUsedMb: metric('nodejs_heap_size_used_bytes'),
    externalMb: metric('nodejs_external_memory_bytes'),
  };
}

function summary(samples: readonly MemorySample[], phase: MemorySample['phase']) {
  const of = samples.filter((s) => s.phase === phase);
  const peak = of.reduce<MemorySample | undefined>((best, s) => (best === undefined || s.rssMb > best.rssMb ? s : best), undefined);
  return { samples: of.length, peak, last: of.at(-1) };
}

async function main(): Promise<void> {
  const service = args.service as ServiceName;
  if (!(ServiceNames as readonly string[]).includes(service)) throw new Error(`--service must be one of ${ServiceNames.join(', ')}`);
  const env = Object.fromEntries(
    args.env
      .split(',')
      .filter(Boolean)
      .map((kv) => {
        const at = kv.indexOf('=');
        return [kv.slice(0, at), kv.slice(at + 1)] as [string, string];
      }),
  );
  const load0 = loadAverage();
  const texts = await readPetitionTexts(args.data);
  const services = args.services.split(',').filter((n): n is ServiceName => (ServiceNames as readonly string[]).includes(n));
  process.stdout.write(`memory: ${service}; starting ${services.join(', ')} …\n`);
  const stack = await startOwnStack(env, services);
  const samples: MemorySample[] = [];
  const t0 = Date.now();
  let phase: MemorySample['phase'] = 'idle';
  const sample = async () => {
    const pid = stack.pids()[service];
    if (!pid) return;
    samples.push({ phase, atSec: round((Date.now() - t0) / 1000), ...procStatus(pid), ...(await v8Memory(stack.url(service))) });
  };
  const timer = setInterval(() => void sample().catch(() => undefined), args.every * 1000);
  let offerer: Offerer | undefined;
  try {
    await new Promise((r) => setTimeout(r, args.idle * 1000));
    phase = 'load';
    offerer = new Offerer(stack, texts, { rate: args.rate, concurrency: 0, durationSec: args.duration });
    await offerer.run();
    phase = 'after';
    await new Promise((r) => setTimeout(r, args.after * 1000));
  } finally {
    clearInterval(timer);
    await stack.stop();
  }
  const statuses: Record<string, number> = {};
  for (const o of offerer?.offered ?? []) statuses[String(o.status)] = (statuses[String(o.status)] ?? 0) + 1;
  const result = {
    service,
    services,
    rate: args.rate,
    durationSec: args.duration,
    env,
    conditions: { node: process.version, cpus: cpus().length, load: { start: load0, end: loadAverage() } },
    statuses,
    idle: summary(samples, 'idle'),
    load: summary(samples, 'load'),
    after: summary(samples, 'after'),
  };
  const line = (label: string, s: MemorySample | undefined) =>
    s
      ? `${label.padEnd(22)} ${String(s.rssMb).padStart(7)} ${String(s.anonMb).padStart(7)} ${String(s.fileMb).padStart(7)} ${String(s.heapTotalMb).padStart(8)} ${String(s.heapUsedMb).padStart(8)} ${String(s.externalMb).padStart(8)}\n`
      : `${label.padEnd(22)} (no sample)\n`;
  let out = `\n${service} memory, MB; ${services.join(' + ')} on the shared infrastructure; ${args.rate}/s offered for ${args.duration} s\n`;
  out += `conditions: node ${process.version}, ${cpus().length} cores shared, load ${load0} → ${result.conditions.load.end}; env ${JSON.stringify(env)}\n`;
  out += `answers: ${Object.entries(statuses)
    .map(([s, n]) => `${n} × ${s}`)
    .join(', ')}\n`;
  out += `${'sample'.padEnd(22)} ${'RSS'.padStart(7)} ${'anon'.padStart(7)} ${'file'.padStart(7)} ${'heap tot'.padStart(8)} ${'heap use'.padStart(8)} ${'external'.padStart(8)}\n`;
  out += line('idle, last', result.idle.last);
  out += line('under load, peak RSS', result.load.peak);
  out += line('under load, last', result.load.last);
  out += line('after, last', result.after.last);
  process.stdout.write(out);
  process.stdout.write(`JSON: ${writeResult('memory', { ...result, samples })}\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
