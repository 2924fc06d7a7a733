import { Inject, Injectable, Logger, type MessageEvent, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { caseAccess, type CaseViewer } from '@sunshine/domain';
import { PLATFORM_CONFIG, type PlatformConfig } from '@sunshine/platform';
import { Client } from 'pg';
import { filter, interval, map, merge, Subject, type Observable } from 'rxjs';
import { feedChannel, type FeedNotice } from './feed-item';

const HEARTBEAT_MS = 15_000;

/**
 * The live feed of status changes: one LISTEN connection per instance receives every committed change (from
 * whichever instance consumed it); each subscriber gets those the one visibility rule lets it see (caseAccess on the
 * facts the replica stored: the accused side of an accusation gets nothing of it), in commit order.
 */
@Injectable()
export class FeedService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(FeedService.name);
  private readonly notices = new Subject<FeedNotice>();
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

  /** Status changes the viewer may see, with a heartbeat comment-like event so idle connections stay open. */
  stream(viewer: CaseViewer): Observable<MessageEvent> {
    const changes = this.notices.pipe(
      filter((n) => caseAccess(n.facts, viewer).access !== 'none'),
      map((n): MessageEvent => ({ id: n.change.eventId, type: 'status', data: n.change })),
    );
    const heartbeat = interval(HEARTBEAT_MS).pipe(map((): MessageEvent => ({ type: 'heartbeat', data: {} })));
    return merge(changes, heartbeat);
  }

  private async listen(): Promise<void> {
    const client = new Client({ connectionString: this.config.database.url, application_name: `sunshine-feed ${this.config.service}` });
    client.on('notification', (msg) => {
      if (msg.channel !== this.channel || !msg.payload) return;
      try {
        this.notices.next(JSON.parse(msg.payload) as FeedNotice);
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
      if (!this.stopping) this.listen().catch((error: unknown) => {
        this.logger.warn(`feed reconnect failed: ${String(error)}`);
        this.client = lost;
        this.reconnect(lost);
      });
    }, 1000);
  }
}
