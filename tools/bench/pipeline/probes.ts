import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';

import { type AnyEvent, Topics } from '@sunshine/contracts';
import { createKafka, type ServiceName, ServiceNames } from '@sunshine/platform';
import { infraEnv, sql } from '@sunshine/testing';
import type { Admin, Consumer } from 'kafkajs';

import { SseClient } from '../../../e2e/supervision-sse';
import type { BenchStack } from './stack';

/** When each case was first seen where a benchmark watches: the case log, the target unit's inbox, the city's feed. */
export class Sightings {
  readonly registered = new Map<string, number>();
  readonly dispatched = new Map<string, number>();
  /** Each dispatch seen on the topic, by case: the number of `case.dispatched` events (exactly-once checks). */
  readonly dispatchCount = new Map<string, number>();
  readonly target = new Map<string, string>();
  readonly inbox = new Map<string, number>();
  readonly feed = new Map<string, number>();
  readonly feedCount = new Map<string, number>();
}

/** A consumer group of its own on the case log (from the newest offsets on), noting registrations and dispatches. */
export class TopicWatcher {
  private consumer?: Consumer;

  constructor(
    private readonly stack: BenchStack,
    private readonly seen: Sightings,
  ) {}

  async start(): Promise<void> {
    const kafka = createKafka(`bench-watch-${randomBytes(3).toString('hex')}`, infraEnv().kafkaBrokers);
    const consumer = kafka.consumer({ groupId: `bench-watch-${randomBytes(4).toString('hex')}`, sessionTimeout: 10000 });
    this.consumer = consumer;
    const joined = new Promise<void>((res) => consumer.on(consumer.events.GROUP_JOIN, () => res()));
    await consumer.connect();
    await consumer.subscribe({ topic: this.stack.topic(Topics.caseLog), fromBeginning: false });
    await consumer.run({
      partitionsConsumedConcurrently: 4,
      eachMessage: async ({ message }) => {
        const now = Date.now();
        const event = JSON.parse(message.value?.toString() ?? 'null') as AnyEvent | null;
        const caseId = event?.caseId;
        if (!event || !caseId) return;
        if (event.type === 'petition.registered' && !this.seen.registered.has(caseId)) this.seen.registered.set(caseId, now);
        if (event.type === 'case.dispatched') {
          this.seen.dispatchCount.set(caseId, (this.seen.dispatchCount.get(caseId) ?? 0) + 1);
          if (!this.seen.dispatched.has(caseId)) {
            this.seen.dispatched.set(caseId, now);
            this.seen.target.set(caseId, (event.payload as { toUnitId: string }).toUnitId);
          }
        }
      },
    });
    await joined;
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect().catch(() => undefined);
  }
}

/** Polls routing's inbox of every unit a case was dispatched to (newest updates first), noting when a case shows. */
export class InboxPoller {
  private running = false;
  private loop?: Promise<void>;
  polls = 0;

  constructor(
    private readonly stack: BenchStack,
    private readonly seen: Sightings,
    private readonly intervalMs = 500,
  ) {}

  start(): void {
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
  }

  private async run(): Promise<void> {
    const tokens = new Map<string, string>();
    while (this.running) {
      const started = Date.now();
      // Only units with a dispatched case not yet seen there, all at once, one page of the newest 50 (a clerk's first page
      // is 20): polled one after the other with 200 rows each, a round over ~20 units took seconds under load and the
      // figure measured the poller; polling units with nothing pending only added load to what is measured.
      const units = [...new Set([...this.seen.target].filter(([caseId]) => !this.seen.inbox.has(caseId)).map(([, unit]) => unit))];
      await Promise.all(units.map((unit) => this.poll(unit, tokens)));
      await new Promise((r) => setTimeout(r, Math.max(50, this.intervalMs - (Date.now() - started))));
    }
  }

  private async poll(unit: string, tokens: Map<string, string>): Promise<void> {
    let token = tokens.get(unit);
    if (!token) {
      token = await this.stack.token({ sub: `bench-${unit}`, unit, division: unit.slice(0, 12), roles: ['handler', 'clerk'] });
      tokens.set(unit, token);
    }
    const res = await fetch(`${this.stack.url('routing')}/inbox?scope=unit&sort=updatedAt&order=desc&limit=50`, {
      headers: { authorization: `Bearer ${token}` },
    }).catch(() => undefined);
    this.polls++;
    if (res?.status !== 200) return;
    const now = Date.now();
    const body = (await res.json()) as { items: Array<{ caseId: string }> };
    for (const item of body.items) if (!this.seen.inbox.has(item.caseId)) this.seen.inbox.set(item.caseId, now);
  }
}

/**
 * The city's live feed (supervision `GET /feed`, server-sent events) as a city bureau supervisor sees it, read with the
 * e2e tests' SSE client; a message is timed when a 20 ms poll first finds it (up to 20 ms late).
 */
export class FeedSubscriber {
  private client?: SseClient;
  private timer?: NodeJS.Timeout;
  private read = 0;

  constructor(
    private readonly stack: BenchStack,
    private readonly seen: Sightings,
  ) {}

  async start(): Promise<void> {
    const token = await this.stack.token({
      sub: 'bench-city',
      unit: '410700000000:petition-bureau',
      division: '410700000000',
      roles: ['supervisor', 'leader'],
    });
    const client = await SseClient.open(`${this.stack.url('supervision')}/feed`, token);
    if (client.status !== 200) throw new Error(`the city feed answered ${client.status}`);
    this.client = client;
    this.timer = setInterval(() => this.take(), 20);
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.take();
    await this.client?.close();
  }

  private take(): void {
    const messages = this.client?.messages ?? [];
    const now = Date.now();
    for (; this.read < messages.length; this.read++) {
      const change = messages[this.read]?.data as { caseId?: string; status?: string } | null;
      if (!change?.caseId || change.status !== 'dispatched') continue;
      this.seen.feedCount.set(change.caseId, (this.seen.feedCount.get(change.caseId) ?? 0) + 1);
      if (!this.seen.feed.has(change.caseId)) this.seen.feed.set(change.caseId, now);
    }
  }
}

export interface Sample {
  readonly at: number;
  /** Per service: messages of its consumer group not yet committed, over the topics it consumes. */
  readonly lag: Partial<Record<ServiceName, number>>;
  /** Per service: outbox rows not yet published. */
  readonly outbox: Partial<Record<ServiceName, number>>;
  /** Per process (a service, or postgres / kafka / redis summed over their processes): CPU ms used since the last sample and RSS MB. */
  readonly cpuMs: Record<string, number>;
  readonly rssMb: Record<string, number>;
}

/** The processes of the infrastructure, found by their command line (shared with everyone on this machine). */
const INFRA: Record<string, RegExp> = { postgres: /^postgres/, kafka: /kafka\.Kafka/, redis: /^redis-server/ };

function procStat(pid: number): { cpuMs: number; rssMb: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    const rssPages = Number(fields[21]);
    return { cpuMs: ticks * 10, rssMb: (rssPages * 4096) / 1024 / 1024 };
  } catch {
    return null;
  }
}

function infraPids(): Record<string, number[]> {
  const out: Record<string, number[]> = { postgres: [], kafka: [], redis: [] };
  for (const entry of readdirSafe('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let cmd = '';
    try {
      cmd = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ');
    } catch {
      continue;
    }
    const base = cmd.split('/').pop() ?? cmd;
    for (const [name, pattern] of Object.entries(INFRA)) if (pattern.test(base) || pattern.test(cmd)) out[name]?.push(Number(entry));
  }
  return out;
}

function readdirSafe(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/** Samples consumer lag, outbox backlogs, CPU and RSS every `everyMs`. */
export class Sampler {
  readonly samples: Sample[] = [];
  private timer?: NodeJS.Timeout;
  private admin?: Admin;
  private lastCpu = new Map<string, number>();
  private busy = false;

  constructor(
    private readonly stack: BenchStack,
    private readonly everyMs = 2000,
  ) {}

  async start(): Promise<void> {
    this.admin = createKafka('bench-sampler', infraEnv().kafkaBrokers).admin();
    await this.admin.connect();
    await this.sample(true);
    this.timer = setInterval(() => void this.sample(false), this.everyMs);
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.sample(false);
    await this.admin?.disconnect().catch(() => undefined);
  }

  private cpuAndRss(): { cpuMs: Record<string, number>; rssMb: Record<string, number> } {
    const cpuMs: Record<string, number> = {};
    const rssMb: Record<string, number> = {};
    const groups: Record<string, number[]> = {
      ...Object.fromEntries(Object.entries(this.stack.pids()).map(([n, p]) => [n, [p]])),
      ...infraPids(),
    };
    for (const [name, pids] of Object.entries(groups)) {
      let cpu = 0;
      let rss = 0;
      for (const pid of pids) {
        const s = procStat(pid);
        if (!s) continue;
        cpu += s.cpuMs;
        rss += s.rssMb;
      }
      cpuMs[name] = Math.max(0, cpu - (this.lastCpu.get(name) ?? cpu));
      this.lastCpu.set(name, cpu);
      rssMb[name] = Math.round(rss);
    }
    return { cpuMs, rssMb };
  }

  private async sample(first: boolean): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      const at = Date.now();
      const { cpuMs, rssMb } = this.cpuAndRss();
      const lag: Partial<Record<ServiceName, number>> = {};
      const outbox: Partial<Record<ServiceName, number>> = {};
      const topic = this.stack.topic(Topics.caseLog);
      const ends = (await this.admin?.fetchTopicOffsets(topic).catch(() => [])) ?? [];
      for (const s of ServiceNames) {
        const committed = (await this.admin?.fetchOffsets({ groupId: this.stack.groupId(s), topics: [topic] }).catch(() => [])) ?? [];
        const parts = committed[0]?.partitions ?? [];
        lag[s] = ends.reduce((sum, e) => {
          const c = parts.find((p) => p.partition === e.partition);
          const done = c && c.offset !== '-1' ? Number(c.offset) : Number(e.low);
          return sum + Math.max(0, Number(e.high) - done);
        }, 0);
        const [row] = await sql<{ n: string }>(
          `SELECT count(*) AS n FROM "${this.stack.schema(s)}".outbox WHERE published_at IS NULL`,
        ).catch(() => []);
        outbox[s] = Number(row?.n ?? 0);
      }
      if (!first) this.samples.push({ at, lag, outbox, cpuMs, rssMb });
    } finally {
      this.busy = false;
    }
  }
}
