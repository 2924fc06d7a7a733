import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock, PLATFORM_CONFIG, type PlatformConfig } from '@sunshine/platform';
import type { DataSource } from 'typeorm';

import type { ChannelProvider, OutboundMessage, SendResult } from '../channels/channel';
import { noticeChannel, type NoticeItem } from './notice-item';

/**
 * The in-app channel: the notice lands in the unit's inbox (`notices`, keyed by the delivery id, so a second attempt
 * finds it there) and is announced to every instance's stream at commit (pg_notify). `to` is the unit's id.
 */
@Injectable()
export class InAppProvider implements ChannelProvider {
  readonly channel = 'in-app' as const;
  private readonly notify: string;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    @Inject(PLATFORM_CONFIG) config: PlatformConfig,
  ) {
    this.notify = noticeChannel(config.database.schema);
  }

  async send(message: OutboundMessage): Promise<SendResult> {
    return this.dataSource.transaction(async (m) => {
      const rows = await m.query<Array<Record<string, unknown>>>(
        `INSERT INTO notices (id, unit_id, roles, kind, case_id, event_type, title, body, created_at)
         SELECT d.id, $2, d.roles, d.kind, d.case_id, d.event_type, $3, $4, $5 FROM deliveries d WHERE d.id = $1
         ON CONFLICT (id) DO NOTHING RETURNING id, unit_id, roles, kind, case_id, event_type, title, body, created_at`,
        [message.deliveryId, message.to, message.subject, message.text, this.clock.now()],
      );
      const row = rows[0];
      if (row) {
        const item: NoticeItem = {
          id: String(row['id']),
          unitId: String(row['unit_id']),
          roles: row['roles'] as string[],
          kind: String(row['kind']),
          caseId: (row['case_id'] as string | null) ?? null,
          eventType: String(row['event_type']),
          title: String(row['title']),
          body: String(row['body']),
          createdAt: new Date(row['created_at'] as string).toISOString(),
          read: false,
        };
        await m.query(`SELECT pg_notify($1, $2)`, [this.notify, JSON.stringify(item)]);
      }
      return { outcome: 'accepted', providerId: message.deliveryId };
    });
  }
}
