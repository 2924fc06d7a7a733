import { join } from 'node:path';

import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { type Job, Queue, type RepeatOptions } from 'bullmq';
import { Client } from 'pg';
import { z } from 'zod';

import { Clock } from '../clock/clock';
import { loadServiceEnv, type PlatformConfig, type ServiceName } from '../config/platform-config';
import { PLATFORM_CONFIG } from '../config/platform-config.token';
import { CorrelatedWorker } from '../correlation/correlated-worker';
import { queuePrefix, redisConnection } from '../queue/queue.module';
import { archiveAuditTrail, type ArchiveOutcome } from './audit-archive';

/** The service's audit-archive queue (Redis ACL: `~bull:audit-archive.<service>:*`, deploy/local/infra.sh and k8s). */
export function auditArchiveQueue(service: ServiceName): string {
  return `audit-archive.${service}`;
}
/** The one job scheduler of the queue: every replica upserts the same id, so one job per day exists. */
export const AUDIT_ARCHIVE_SCHEDULER_ID = 'audit-archive-daily';
export const AUDIT_ARCHIVE_JOB = 'archive';
/** The service's audit-archive Queue (a provider, so the metrics' bullmq_queue_jobs shows its failed runs). */
export const AUDIT_ARCHIVE_QUEUE = Symbol('AUDIT_ARCHIVE_QUEUE');

/** The provider of AUDIT_ARCHIVE_QUEUE: the service's queue `audit-archive.<service>` on its Redis. */
export const auditArchiveQueueProvider = {
  provide: AUDIT_ARCHIVE_QUEUE,
  inject: [PLATFORM_CONFIG],
  useFactory: (config: PlatformConfig): Queue => {
    const queue = new Queue(auditArchiveQueue(config.service), {
      connection: redisConnection(config.redis.url),
      prefix: queuePrefix(config),
    });
    // Redis down is logged, never an unhandled 'error' (the scheduler retries the registration).
    queue.on('error', (error) => new Logger('AuditArchiveScheduler').warn(`audit archive queue: ${String(error)}`));
    return queue;
  },
};
/** 02:40 every day, Asia/Shanghai: after the night's database backup (02:00), before the working day. */
export const AUDIT_ARCHIVE_DEFAULT_CRON = '40 2 * * *';

const archiveEnv = z.object({
  /** Where the archived partitions' JSON lines and anchors go (a persistent volume in Kubernetes). */
  AUDIT_ARCHIVE_DIR: z.string().min(1).optional(),
  /** When the job runs (cron, Asia/Shanghai). */
  AUDIT_ARCHIVE_CRON: z
    .string()
    .regex(/^\S+( \S+){4,5}$/, 'a cron pattern of 5 or 6 fields')
    .default(AUDIT_ARCHIVE_DEFAULT_CRON),
});

/**
 * Another scheduled job of the service's audit queue (e.g. KeycloakEventsImporter): the queue's one worker runs each job
 * by its name, so the Redis ACL of the service (`~bull:audit-archive.<service>:*`) covers it without a new key pattern.
 */
export interface AuditQueueJob {
  readonly name: string;
  readonly schedulerId: string;
  readonly repeat: Omit<RepeatOptions, 'key'>;
  run(job: Job): Promise<unknown>;
}

export interface AuditArchiveSettings {
  readonly dir: string;
  readonly cron: string;
}

/** The archive job's settings from the environment: AUDIT_ARCHIVE_DIR (default `.local/audit-archive`), AUDIT_ARCHIVE_CRON. */
export function loadAuditArchiveSettings(source: NodeJS.ProcessEnv = process.env): AuditArchiveSettings {
  const env = loadServiceEnv(archiveEnv, source);
  return { dir: env.AUDIT_ARCHIVE_DIR ?? join(process.cwd(), '.local', 'audit-archive'), cron: env.AUDIT_ARCHIVE_CRON };
}

/**
 * 审计日志定期归档 Each service archives its own audit trail (its schema, its own database role: the owner of audit_log)
 * once a day: a BullMQ job scheduler (`audit-archive-daily`, cron in Asia/Shanghai) on the service's queue
 * `audit-archive.<service>`. Every replica upserts the same scheduler (one job per day, whichever replica's worker
 * takes it runs it) and archiveAuditTrail holds an advisory lock, so a run is never doubled even beside the CLI; a
 * run that finds nothing due does nothing. A broken chain fails the job (the finding's seq and problem in the log,
 * nothing archived): the audit administrator verifies with `npm run audit -- verify`.
 *
 * Registration does not hold up the service's start (routing and intake need Redis for nothing else): it is tried at
 * start and every 10 minutes while the scheduler is missing (Redis lost it, or was down).
 */
@Injectable()
export class AuditArchiveScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AuditArchiveScheduler.name);
  private readonly settings: AuditArchiveSettings;
  private worker?: CorrelatedWorker;
  private timer?: NodeJS.Timeout;
  private readonly jobs = new Map<string, AuditQueueJob>();
  /** Settles when the first registration attempt has ended (tests await it). */
  registration: Promise<void> = Promise.resolve();

  constructor(
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
    @Inject(AUDIT_ARCHIVE_QUEUE) private readonly queue: Queue,
    private readonly clock: Clock,
  ) {
    this.settings = loadAuditArchiveSettings();
  }

  /** Adds a scheduled job to the audit queue (before the application's bootstrap: from a provider's onModuleInit). */
  addJob(job: AuditQueueJob): void {
    if (job.name === AUDIT_ARCHIVE_JOB || this.worker)
      throw new Error(`audit queue job ${job.name}: a distinct name, added before bootstrap`);
    this.jobs.set(job.name, job);
  }

  onApplicationBootstrap(): void {
    const options = { connection: redisConnection(this.config.redis.url), prefix: queuePrefix(this.config) };
    this.worker = new CorrelatedWorker(this.queue.name, (job: Job) => this.run(job), { ...options, concurrency: 1 });
    this.worker.on('error', (error) => this.logger.warn(`audit archive worker: ${String(error)}`));
    this.worker.on('failed', (job, error) =>
      this.logger.error(
        `${job?.name === AUDIT_ARCHIVE_JOB ? 'audit archive' : (job?.name ?? 'audit queue job')} ${job?.id ?? ''} failed: ${error.message}`,
      ),
    );
    this.registration = this.ensure(true);
    this.timer = setInterval(() => void this.ensure(false), 600_000);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.worker?.close().catch(() => undefined);
    await this.queue.close().catch(() => undefined);
  }

  /** Archives this service's due partitions now (the job's body). */
  async archive(now: Date = this.clock.now()): Promise<ArchiveOutcome | null> {
    const client = new Client({ connectionString: this.config.database.url });
    client.on('error', (error) => this.logger.warn(`audit archive connection: ${String(error)}`));
    await client.connect();
    try {
      return await archiveAuditTrail(client, this.config.database.schema, this.settings.dir, now);
    } finally {
      await client.end().catch(() => undefined);
    }
  }

  private async run(job: Job): Promise<unknown> {
    const other = this.jobs.get(job.name);
    return other ? other.run(job) : this.runArchive(job);
  }

  private async runArchive(job: Job): Promise<{ archived: string[] }> {
    const outcome = await this.archive();
    if (!outcome) return { archived: [] };
    if (outcome.findings.length > 0) {
      const named = outcome.findings.map((f) => `#${f.seq} ${f.problem}`).join(', ');
      throw new Error(`audit chain of ${this.config.database.schema} has problems, nothing archived: ${named}`);
    }
    for (const a of outcome.archived)
      this.logger.log(
        `audit archive (job ${job.id ?? ''}): ${a.partition}, ${a.records} records #${a.firstSeq ?? '-'}–#${a.lastSeq ?? '-'}, sha256 ${a.fileSha256}`,
      );
    return { archived: outcome.archived.map((a) => a.partition) };
  }

  private async ensure(startup: boolean): Promise<void> {
    const queue = this.queue;
    try {
      if (!startup && (await queue.getJobScheduler(AUDIT_ARCHIVE_SCHEDULER_ID))) return this.ensureJobs(false);
      await queue.upsertJobScheduler(
        AUDIT_ARCHIVE_SCHEDULER_ID,
        { pattern: this.settings.cron, tz: 'Asia/Shanghai' },
        { name: AUDIT_ARCHIVE_JOB, opts: { removeOnComplete: 30, removeOnFail: 100 } },
      );
      if (startup) this.logger.log(`audit archive scheduled (${this.settings.cron}, Asia/Shanghai) on ${queue.name}`);
      else this.logger.warn('audit archive schedule re-registered (Redis had lost it)');
    } catch (error) {
      this.logger.warn(`audit archive not scheduled yet: ${String(error)}`);
    }
    await this.ensureJobs(startup);
  }

  /** The other jobs' schedulers, as the archive's: upserted at start, re-registered when Redis lost them. */
  private async ensureJobs(startup: boolean): Promise<void> {
    for (const job of this.jobs.values()) {
      try {
        if (!startup && (await this.queue.getJobScheduler(job.schedulerId))) continue;
        await this.queue.upsertJobScheduler(job.schedulerId, job.repeat, {
          name: job.name,
          opts: { removeOnComplete: 30, removeOnFail: 100 },
        });
        this.logger.log(`${job.name} scheduled (${JSON.stringify(job.repeat)}) on ${this.queue.name}`);
      } catch (error) {
        this.logger.warn(`${job.name} not scheduled yet: ${String(error)}`);
      }
    }
  }
}
