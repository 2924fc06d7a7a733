import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

import { deadLetterTopic } from '@sunshine/contracts';
import { createKafka, ensureTopics, type ServiceName, ServiceNames, testClockKey } from '@sunshine/platform';
import Redis from 'ioredis';

import { infraEnv, overUnixSocket, serviceCredentials, uniquePrefix } from './infra-env';
import { TestKeys } from './test-keys';

const ROOT = resolve(__dirname, '../../..');

export interface RunningService {
  readonly name: ServiceName;
  readonly port: number;
  readonly url: string;
  readonly logFile: string;
  child: ChildProcess;
}

/** A TCP port nothing listens on now (the OS picks it), for a process a test starts. */
export async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => res(port));
    });
    srv.on('error', rej);
  });
}

/**
 * Starts services from their build output (dist/, built once by the test command) as separate processes, each in
 * its own process group, against the real infrastructure, with a fresh schema set and topic prefix per run.
 * Logs go to tmp/e2e-logs/<prefix>/<service>.log and are kept.
 */
export interface HarnessOptions {
  /** The services reach PostgreSQL over its Unix socket in this directory (a server on this host), not over TCP. */
  readonly pgSocketDir?: string;
}

export class ServiceHarness {
  readonly prefix = uniquePrefix('e');
  readonly logDir = join(ROOT, 'tmp', 'e2e-logs', this.prefix);
  readonly services = new Map<ServiceName, RunningService>();
  /** intake's encryption keys for this run (personal data is encrypted at rest). */
  readonly intakeKeys = {
    PII_KEYS: `k1:${randomBytes(32).toString('base64')}`,
    PII_CURRENT_KEY: 'k1',
    BLIND_INDEX_KEY: randomBytes(32).toString('base64'),
  };

  private constructor(
    readonly keys: TestKeys,
    private readonly extraEnv: Record<string, string>,
    private readonly options: HarnessOptions,
  ) {
    mkdirSync(this.logDir, { recursive: true });
  }

  static async create(extraEnv: Record<string, string> = {}, options: HarnessOptions = {}): Promise<ServiceHarness> {
    for (const name of ['intake', 'routing', 'supervision', 'notification', 'evaluation']) {
      const main = join(ROOT, 'dist', 'apps', name, 'src', 'main.js');
      if (!existsSync(main)) throw new Error(`${main} is missing: run the build first (bash deploy/local/build.sh)`);
    }
    return new ServiceHarness(await TestKeys.create(), extraEnv, options);
  }

  env(port: number, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
    const infra = infraEnv();
    const env: NodeJS.ProcessEnv = {
      PATH: process.env['PATH'],
      TZ: 'UTC',
      NODE_ENV: 'test',
      PORT: String(port),
      LOG_LEVEL: 'info',
      DATABASE_URL: infra.databaseUrl,
      DB_SCHEMA_PREFIX: this.prefix,
      KAFKA_BROKERS: infra.kafkaBrokers.join(','),
      KAFKA_TOPIC_PREFIX: this.prefix,
      REDIS_URL: infra.redisUrl,
      CONSUMER_SESSION_TIMEOUT_MS: '6000',
      CONSUMER_RETRY_BASE_MS: '50',
      RELAY_POLL_MS: '50',
      TEST_CLOCK: 'shared',
      ...this.keys.env(),
      ...this.intakeKeys,
      ...this.extraEnv,
      ...extra,
    };
    const socketDir = this.options.pgSocketDir;
    if (socketDir)
      for (const [key, url] of Object.entries(env))
        if (/^DATABASE_URL(_[A-Z]+)?$/.test(key) && url) env[key] = overUnixSocket(url, socketDir);
    return env;
  }

  /** A service's own signing keys (never the staff key): its calls to the others (`kid: service:<name>`), its events. */
  private ownSigningKey(service: ServiceName): Record<string, string> {
    return {
      SERVICE_SIGNING_KEY_FILE: this.keys.servicePrivateKeyFile(service),
      EVENT_SIGNING_KEY_FILE: this.keys.eventSigningKeyFile(service),
    };
  }

  /** Every service's port, chosen before any starts, so each knows the others' URLs (e.g. intake → routing). */
  private readonly ports = new Map<ServiceName, number>();

  private portsChosen?: Promise<void>;

  /**
   * Once per harness, even when startAll starts the five at once (concurrent calls would each choose and overwrite
   * ports, and a port released by one choice can be handed to another service: EADDRINUSE), and never one port twice.
   */
  private allocatePorts(): Promise<void> {
    this.portsChosen ??= (async () => {
      for (const name of ServiceNames) {
        let port = await freePort();
        while ([...this.ports.values()].includes(port)) port = await freePort();
        this.ports.set(name, port);
      }
    })();
    return this.portsChosen;
  }

  private serviceUrls(): Record<string, string> {
    return Object.fromEntries([...this.ports].map(([n, p]) => [`${n.toUpperCase()}_URL`, `http://127.0.0.1:${p}`]));
  }

  async start(name: ServiceName, extra: Record<string, string> = {}): Promise<RunningService> {
    await this.allocatePorts();
    const port = this.ports.get(name) ?? (await freePort());
    const logFile = join(this.logDir, `${name}.log`);
    const out = createWriteStream(logFile, { flags: 'a' });
    // SERVICE_NODE_FLAGS: node flags NODE_OPTIONS refuses (e.g. `--cpu-prof --cpu-prof-dir=tmp/prof` to profile a bench run).
    const nodeFlags = (process.env['SERVICE_NODE_FLAGS'] ?? '').split(/\s+/).filter((f) => f !== '');
    const child = spawn(process.execPath, [...nodeFlags, join(ROOT, 'dist', 'apps', name, 'src', 'main.js')], {
      cwd: ROOT,
      env: this.env(port, { ...this.serviceUrls(), ...serviceCredentials(name), ...this.ownSigningKey(name), ...extra }),
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.pipe(out);
    child.stderr?.pipe(out);
    const service: RunningService = { name, port, url: `http://127.0.0.1:${port}`, logFile, child };
    this.services.set(name, service);
    await this.waitHealthy(service);
    return service;
  }

  async startAll(names: readonly ServiceName[] = ['intake', 'routing', 'supervision', 'notification', 'evaluation']): Promise<void> {
    await ensureTopics(createKafka('harness', infraEnv().kafkaBrokers), this.prefix, names.map(deadLetterTopic));
    await Promise.all(names.map((n) => this.start(n)));
  }

  url(name: ServiceName): string {
    const s = this.services.get(name);
    if (!s) throw new Error(`${name} is not running`);
    return s.url;
  }

  /** Kills one service's process group with a signal (SIGKILL = a crash) and waits until it is gone. */
  async kill(name: ServiceName, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const s = this.services.get(name);
    if (!s || s.child.exitCode !== null || s.child.signalCode !== null) return;
    const gone = new Promise<void>((r) => s.child.once('exit', () => r()));
    try {
      process.kill(-(s.child.pid ?? 0), signal);
    } catch {
      // already gone
    }
    await gone;
  }

  /** Waits for a process to die by itself (e.g. at a fail point). */
  async waitExit(name: ServiceName, timeoutMs = 60000): Promise<NodeJS.Signals | number | null> {
    const s = this.services.get(name);
    if (!s) throw new Error(`${name} never started`);
    if (s.child.exitCode !== null || s.child.signalCode !== null) return s.child.signalCode ?? s.child.exitCode;
    return new Promise((res, rej) => {
      const timer = setTimeout(() => rej(new Error(`${name} did not exit within ${timeoutMs} ms`)), timeoutMs);
      s.child.once('exit', (code, signal) => {
        clearTimeout(timer);
        res(signal ?? code);
      });
    });
  }

  /** Runs a service's CLI command (e.g. routing's seed) from dist/ with this run's environment and that service's credentials. */
  async runCli(script: string, args: readonly string[] = []): Promise<string> {
    const service = ServiceNames.find((n) => script.startsWith(`apps/${n}/`));
    const { stdout } = await promisify(execFile)(process.execPath, [join(ROOT, 'dist', script), ...args], {
      cwd: ROOT,
      env: this.env(0, service ? { ...serviceCredentials(service), ...this.ownSigningKey(service) } : {}),
    });
    return stdout;
  }

  /** Moves the shared test clock of every service in this run to `offsetMs` after real time (they re-read it every 100 ms). */
  async setClockOffset(offsetMs: number): Promise<void> {
    const redis = new Redis(infraEnv().redisUrl);
    try {
      await redis.set(testClockKey(this.prefix), String(offsetMs));
    } finally {
      redis.disconnect();
    }
    await new Promise((r) => setTimeout(r, 400));
  }

  /** The PostgreSQL schema of a service in this run. */
  schema(name: ServiceName): string {
    return `${this.prefix}_${name}`;
  }

  /** A topic name in this run. */
  topic(name: string): string {
    return `${this.prefix}.${name}`;
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.services.keys()].map((n) => this.kill(n, 'SIGTERM')));
  }

  log(name: ServiceName): string {
    const s = this.services.get(name);
    return s && existsSync(s.logFile) ? readFileSync(s.logFile, 'utf8') : '';
  }

  private async waitHealthy(service: RunningService, timeoutMs = 90000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (service.child.exitCode !== null || service.child.signalCode !== null) {
        throw new Error(`${service.name} exited while starting; log: ${service.logFile}\n${this.log(service.name).slice(-3000)}`);
      }
      try {
        const res = await fetch(`${service.url}/health/ready`);
        // HTTP serves before the consumer has joined its group: a test world starts once both are up.
        const body =
          res.status === 200 ? ((await res.json()) as { details?: { messaging?: { consumer?: { state?: string } | null } } }) : undefined;
        const consumer = body?.details?.messaging?.consumer;
        if (res.status === 200 && (!consumer || consumer.state === 'consuming')) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`${service.name} not healthy within ${timeoutMs} ms; log: ${service.logFile}`);
  }
}
