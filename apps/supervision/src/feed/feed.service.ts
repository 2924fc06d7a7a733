import { Inject, Injectable, Logger, type MessageEvent, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { caseAccess, type CaseViewer } from '@sunshine/domain';
import { PLATFORM_CONFIG, type PlatformConfig } from '@sunshine/platform';
import { Client } from 'pg';
import { defer, filter, from, interval, map, merge, type Observable, of, Subject } from 'rxjs';

import { feedChannel, type FeedNotice } from './feed-item';

const HEARTBEAT_MS = 15_000;

/** How far back a reconnecting subscriber can resume (Last-Event-ID): the last N changes, at most this old. */
export const FEED_REPLAY_LIMIT = 5000;
export const FEED_REPLAY_MAX_AGE_MS = 24 * 3600_000;

/** Sent instead of a replay when the change the subscriber last saw is beyond the bound: reload the lists, then follow. */
export const FEED_RESET = {
  reason: 'last-event-unknown',
  message: {
    zh: '断线期间的变化超出可补发范围（最近5000条或24小时），请重新加载列表',
    en: 'the changes missed are beyond what the feed keeps (the last 5000 or 24 hours): reload the lists',
  },
} as const;

/**
 * The live feed of status changes: one LISTEN connection per instance receives every committed change (from
 * whichever instance consumed it); each subscriber gets those the one visibility rule lets it see (caseAccess on the
 * facts the replica stored: the accused side of an accusation gets nothing of it), in commit order.
 */
@Injectable()
export class FeedService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(FeedService.name);
  private readonly notices = new Subject<FeedNotice>();
  /** The recent changes in commit order (as NOTIFY delivered them), for subscribers that reconnect. */
  private readonly recent: Array<{ notice: FeedNotice; at: number }> = [];
  private readonly channel: string;
  private client?: Client;
  private stopping = false;

  constructor(@Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig) {
    this.channel = feedChannel(config.database.schema);
  }

  async onModuleInit(): Promise<void> {
    await this.listen();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    this.notices.complete();
    await this.client?.end().catch(() => undefined);
  }

  /**
   * Status changes the viewer may see, with a heartbeat event so idle connections stay open. A subscriber that
   * reconnects with the id of the last change it saw (`Last-Event-ID`) first gets what it missed, in commit order,
   * when that change is among the recent ones (FEED_REPLAY_LIMIT, FEED_REPLAY_MAX_AGE_MS); otherwise one `reset`
   * event tells it to reload the lists before following the live changes.
   */
  stream(viewer: CaseViewer, lastEventId?: string, now = Date.now()): Observable<MessageEvent> {
    const visible = (n: FeedNotice) => caseAccess(n.facts, viewer).access !== 'none';
    const toMessage = (n: FeedNotice): MessageEvent => ({ id: n.change.eventId, type: 'status', data: n.change });
    const heartbeat = interval(HEARTBEAT_MS).pipe(map((): MessageEvent => ({ type: 'heartbeat', data: {} })));
    // The replay is taken and the live changes subscribed in one synchronous step: nothing falls between them.
    const changes = defer(() =>
      merge(this.missed(lastEventId, now, visible, toMessage), this.notices.pipe(filter(visible), map(toMessage))),
    );
    return merge(changes, heartbeat);
  }

  /** Hands a committed change to the subscribers, and keeps it for those that reconnect. */
  receive(notice: FeedNotice, now = Date.now()): void {
    this.recent.push({ notice, at: now });
    if (this.recent.length > FEED_REPLAY_LIMIT) this.recent.splice(0, this.recent.length - FEED_REPLAY_LIMIT);
    this.notices.next(notice);
  }

  private missed(
    lastEventId: string | undefined,
    now: number,
    visible: (n: FeedNotice) => boolean,
    toMessage: (n: FeedNotice) => MessageEvent,
  ): Observable<MessageEvent> {
    if (!lastEventId) return from([]);
    const kept = this.recent.filter((r) => now - r.at <= FEED_REPLAY_MAX_AGE_MS);
    const index = kept.findIndex((r) => r.notice.change.eventId === lastEventId);
    if (index < 0) return of({ type: 'reset', data: FEED_RESET });
    return from(
      kept
        .slice(index + 1)
        .map((r) => r.notice)
        .filter(visible)
        .map(toMessage),
    );
  }

  private async listen(): Promise<void> {
    const client = new Client({ connectionString: this.config.database.url, application_name: `sunshine-feed ${this.config.service}` });
    client.on('notification', (msg) => {
      if (msg.channel !== this.channel || !msg.payload) return;
      try {
        this.receive(JSON.parse(msg.payload) as FeedNotice);
      } catch (error) {
        this.logger.warn(`bad feed notice: ${String(error)}`);
      }
    });
    client.on('error', (error) => {
      this.logger.warn(`feed connection lost: ${error.message}`);
      this.reconnect(client);
    });
    await client.connect();
    await client.query(`LISTEN "${this.channel}"`);
    this.client = client;
  }

  private reconnect(lost: Client): void {
    if (this.stopping || this.client !== lost) return;
    this.client = undefined;
    void lost.end().catch(() => undefined);
    setTimeout(() => {
      if (!this.stopping)
        this.listen().catch((error: unknown) => {
          this.logger.warn(`feed reconnect failed: ${String(error)}`);
          this.client = lost;
          this.reconnect(lost);
        });
    }, 1000);
  }
}
