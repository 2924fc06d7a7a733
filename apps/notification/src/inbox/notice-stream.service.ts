import { Inject, Injectable, Logger, type MessageEvent, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { PLATFORM_CONFIG, type PlatformConfig, type StaffPrincipal } from '@sunshine/platform';
import { filter, interval, map, merge, type Observable, Subject } from 'rxjs';

import { PgListener } from '../shared/pg-listener';
import { noticeChannel, type NoticeItem } from './notice-item';

const HEARTBEAT_MS = 15_000;

/**
 * The live stream of in-app notices in the platform's SSE style (one LISTEN connection per instance, as supervision's
 * feed): each subscriber gets the notices addressed to its unit and one of its roles, in commit order.
 */
@Injectable()
export class NoticeStream implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(NoticeStream.name);
  private readonly notices = new Subject<NoticeItem>();
  private readonly listener: PgListener;

  constructor(@Inject(PLATFORM_CONFIG) config: PlatformConfig) {
    this.listener = new PgListener(config.database.url, noticeChannel(config.database.schema), (payload) => {
      try {
        this.notices.next(JSON.parse(payload) as NoticeItem);
      } catch (error) {
        this.logger.warn(`bad notice: ${String(error)}`);
      }
    });
  }

  onModuleInit(): Promise<void> {
    return this.listener.start();
  }

  async onApplicationShutdown(): Promise<void> {
    this.notices.complete();
    await this.listener.stop();
  }

  stream(staff: Pick<StaffPrincipal, 'unitId' | 'roles'>): Observable<MessageEvent> {
    const mine = this.notices.pipe(
      filter((n) => n.unitId === staff.unitId && n.roles.some((r) => (staff.roles as readonly string[]).includes(r))),
      map((n): MessageEvent => ({ id: n.id, type: 'notice', data: n })),
    );
    const heartbeat = interval(HEARTBEAT_MS).pipe(map((): MessageEvent => ({ type: 'heartbeat', data: {} })));
    return merge(mine, heartbeat);
  }
}
