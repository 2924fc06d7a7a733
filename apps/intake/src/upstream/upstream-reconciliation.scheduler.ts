import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { bodySignature, Clock } from '@sunshine/platform';
import type { DataSource } from 'typeorm';

import { UPSTREAM_CONFIG, type UpstreamConfig } from './upstream.config';
import { reconciliationSchema } from './upstream.dto';
import { UpstreamExportService } from './upstream-export.service';
import { reconciliationDay, type ReconciliationReport } from './upstream-reconcile';

/** A run that started this long ago without finishing (its process died) is taken over. */
const STALE_MS = 10 * 60_000;

const acknowledgement = reconciliationSchema.pick({ acknowledged: true });

/** A stored daily report as ops read it. */
export interface StoredReconciliation {
  readonly day: string;
  readonly finishedAt: string;
  readonly report: ReconciliationReport;
}

/**
 * 每日对账 by itself: once the configured time of day (Asia/Shanghai) has come, the day before is reconciled — the
 * upstream's acknowledgement fetched (`GET <UPSTREAM_ACK_URL>?day=YYYY-MM-DD`, signed like the stream over the query
 * `day=YYYY-MM-DD`), compared with the export (`reconcile`) and the report stored in `upstream_reconciliations`. One run
 * per day among every intake process: the day's row is claimed first (a run whose process died is taken over after 10
 * minutes); a failed fetch gives the claim back and is tried again at the next look.
 */
@Injectable()
export class UpstreamReconciliationScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log = new Logger(UpstreamReconciliationScheduler.name);
  private timer: NodeJS.Timeout | undefined;
  private running = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly upstream: UpstreamExportService,
    @Inject(UPSTREAM_CONFIG) private readonly config: UpstreamConfig,
  ) {}

  onApplicationBootstrap(): void {
    const r = this.config.reconciliation;
    if (!r) return;
    this.timer = setInterval(() => void this.tick(), r.pollMs);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  /** The stored reports, newest first (at most 60). */
  async stored(): Promise<StoredReconciliation[]> {
    const rows = await this.dataSource.query<Array<{ day: string; finished_at: Date; report: ReconciliationReport }>>(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, finished_at, report FROM upstream_reconciliations
        WHERE finished_at IS NOT NULL ORDER BY day DESC LIMIT 60`,
    );
    return rows.map((r) => ({ day: r.day, finishedAt: r.finished_at.toISOString(), report: r.report }));
  }

  private async tick(): Promise<void> {
    const r = this.config.reconciliation;
    if (this.running || !r) return;
    this.running = true;
    try {
      const now = this.clock.now();
      const day = reconciliationDay(now, r.at);
      if (day && (await this.claim(day, now))) await this.run(day, r);
    } catch (error) {
      this.log.warn({ err: error }, 'upstream reconciliation: a look failed');
    } finally {
      this.running = false;
    }
  }

  /** Claims the day's run (none stored, or a stale one); false when another process has it or it is done. */
  private async claim(day: string, now: Date): Promise<boolean> {
    const claimed = await this.dataSource.query<unknown[]>(
      `INSERT INTO upstream_reconciliations (day, started_at) VALUES ($1, $2)
       ON CONFLICT (day) DO UPDATE SET started_at = $2
        WHERE upstream_reconciliations.finished_at IS NULL AND upstream_reconciliations.started_at < $3
       RETURNING day`,
      [day, now, new Date(now.getTime() - STALE_MS)],
    );
    return claimed.length > 0;
  }

  private async run(day: string, r: NonNullable<UpstreamConfig['reconciliation']>): Promise<void> {
    let report: ReconciliationReport;
    try {
      report = await this.upstream.reconcile({ day, acknowledged: await this.fetchAcknowledged(day, r) });
    } catch (error) {
      await this.dataSource.query(`DELETE FROM upstream_reconciliations WHERE day = $1 AND finished_at IS NULL`, [day]);
      this.log.warn({ err: error, day }, 'upstream reconciliation: the acknowledgement could not be read; tried again later');
      return;
    }
    await this.dataSource.query(`UPDATE upstream_reconciliations SET finished_at = $2, report = $3 WHERE day = $1`, [
      day,
      this.clock.now(),
      JSON.stringify(report),
    ]);
    this.log.log(
      { day, ours: report.ours, theirs: report.theirs, missing: report.missingUpstream.length, mismatched: report.mismatched.length },
      'upstream reconciliation stored',
    );
  }

  private async fetchAcknowledged(day: string, r: { ackUrl: string; secret: string }) {
    const query = `day=${day}`;
    const timestamp = String(Math.floor(Date.now() / 1000));
    const url = new URL(r.ackUrl);
    url.searchParams.set('day', day);
    const res = await fetch(url, {
      redirect: 'manual',
      signal: AbortSignal.timeout(this.config.timeoutMs),
      headers: {
        accept: 'application/json',
        'user-agent': 'Sunshine-Upstream/1',
        'x-sunshine-timestamp': timestamp,
        'x-sunshine-signature': bodySignature(r.secret, timestamp, query),
      },
    });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    return acknowledgement.parse((await res.json()) as unknown).acknowledged;
  }
}
