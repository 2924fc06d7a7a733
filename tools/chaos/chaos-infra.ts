import { execFile } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { Client } from 'pg';

import { ROOT } from '../bench/bench-support';

const run = promisify(execFile);
const INFRA = join(ROOT, 'deploy', 'local', 'infra.sh');

/**
 * Kafka, PostgreSQL and Redis of the chaos suite's own, never the shared ones: deploy/local/infra.sh with another
 * home (.local/chaos-infra) and other ports, so restarting them disturbs nobody. Its Kafka jars are copied from the
 * shared home when there (no Maven run).
 */
export class ChaosInfra {
  readonly home = join(ROOT, '.local', 'chaos-infra');
  readonly ports = { kafka: 19092, controller: 19093, postgres: 15432, redis: 16379 };

  private env(): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = { ...process.env };
    // infra.sh treats DATABASE_URL / KAFKA_BROKERS / REDIS_URL that differ from its own defaults as external servers.
    // So do the per-service ones (DATABASE_URL_<SERVICE>, REDIS_URL_<SERVICE>).
    for (const name of Object.keys(env)) if (/^(DATABASE_URL|KAFKA_BROKERS|REDIS_URL)(_[A-Z]+)?$/.test(name)) delete env[name];
    return {
      ...env,
      SUNSHINE_INFRA_HOME: this.home,
      KAFKA_PORT: String(this.ports.kafka),
      KAFKA_CONTROLLER_PORT: String(this.ports.controller),
      PG_PORT: String(this.ports.postgres),
      REDIS_PORT: String(this.ports.redis),
    };
  }

  private async infra(command: string): Promise<string> {
    const { stdout } = await run('bash', [INFRA, command], { cwd: ROOT, env: this.env(), maxBuffer: 16 * 1024 * 1024 });
    return stdout;
  }

  /** Starts (or reuses) the chaos infrastructure and points this process's clients at it (infraEnv reads process.env). */
  async up(): Promise<void> {
    const shared = join(ROOT, '.local', 'infra', 'kafka', 'libs');
    const own = join(this.home, 'kafka', 'libs');
    if (!existsSync(own) && existsSync(join(shared, '.pom.sha256'))) cpSync(shared, own, { recursive: true });
    await this.infra('up');
    const env = await this.infra('env');
    for (const line of env.split('\n')) {
      // The per-service URLs too: a service given the shared DATABASE_URL_<SERVICE> would run on the shared servers.
      const m = /^(?:export )?(KAFKA_BROKERS|(?:DATABASE_URL|REDIS_URL)(?:_[A-Z]+)?)=["']?([^"'\n]+)["']?$/.exec(line.trim());
      if (m?.[1] && m[2]) process.env[m[1]] = m[2];
    }
  }

  async down(): Promise<void> {
    await this.infra('down');
  }

  async stopPostgres(): Promise<void> {
    await this.infra('stop-postgres');
  }

  async startPostgres(): Promise<void> {
    await this.infra('start-postgres');
  }

  /**
   * Its PostgreSQL as a production one is (infra.sh turns fsync, synchronous commit and full-page writes off for
   * speed): the three back on in the cluster's postgresql.auto.conf (read last, kept across restarts), reloaded. A
   * 201 is then on disk, and a kill -9 of PostgreSQL must lose none. Answers the settings as PostgreSQL reports them.
   */
  async makeDurable(): Promise<string> {
    const postmaster = await this.postmasterPid();
    const args = readFileSync(`/proc/${postmaster}/cmdline`, 'utf8').split('\0');
    const data = args[args.indexOf('-D') + 1];
    if (!data) throw new Error(`no -D in the postmaster's command line: ${args.join(' ')}`);
    appendFileSync(join(data, 'postgresql.auto.conf'), "fsync = 'on'\nsynchronous_commit = 'on'\nfull_page_writes = 'on'\n");
    process.kill(postmaster, 'SIGHUP');
    await new Promise((r) => setTimeout(r, 1000));
    return (
      (
        await this.sql(`SELECT string_agg(name || '=' || setting, ', ' ORDER BY name) AS s FROM pg_settings
      WHERE name IN ('fsync', 'synchronous_commit', 'full_page_writes')`)
      )[0]?.['s'] ?? ''
    );
  }

  /** SIGKILL to the postmaster and every process it started (a crash of the machine's PostgreSQL), waited out. */
  async killPostgres(): Promise<void> {
    const postmaster = await this.postmasterPid();
    const children = readdirSync('/proc')
      .filter((p) => /^\d+$/.test(p) && parentOf(Number(p)) === postmaster)
      .map(Number);
    for (const pid of [postmaster, ...children]) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    const until = Date.now() + 60000;
    while (Date.now() < until && [postmaster, ...children].some(alive)) await new Promise((r) => setTimeout(r, 100));
  }

  /** The postmaster: the parent of a backend this process connects to (read while the backend lives). */
  private async postmasterPid(): Promise<number> {
    return this.withClient(async (db) => {
      const backend = Number((await db.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]?.pid);
      const parent = parentOf(backend);
      if (parent === null) throw new Error(`backend ${backend} has no parent in /proc`);
      return parent;
    });
  }

  private async sql(text: string): Promise<Array<Record<string, string>>> {
    return this.withClient(async (db) => (await db.query<Record<string, string>>(text)).rows);
  }

  private async withClient<T>(work: (db: Client) => Promise<T>): Promise<T> {
    const db = new Client({ connectionString: process.env['DATABASE_URL'] });
    await db.connect();
    try {
      return await work(db);
    } finally {
      await db.end();
    }
  }

  /** The broker's pid (infra.sh's pid file), or null. */
  kafkaPid(): number | null {
    const file = join(this.home, 'kafka', 'kafka.pid');
    if (!existsSync(file)) return null;
    const pid = Number(readFileSync(file, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  }

  /** Stops the broker with `signal`, waits until it is gone (never "reusing" a dying broker), and starts it again. */
  async restartKafka(signal: NodeJS.Signals = 'SIGTERM', downMs = 5000): Promise<void> {
    const pid = this.kafkaPid();
    if (pid) {
      process.kill(pid, signal);
      const until = Date.now() + 120000;
      while (Date.now() < until && alive(pid)) await new Promise((r) => setTimeout(r, 200));
    }
    await new Promise((r) => setTimeout(r, downMs));
    await this.infra('up');
  }
}

function parentOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return null;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
