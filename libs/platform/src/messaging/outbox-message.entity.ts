import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An event written in the same transaction as the state change it reports; the relay publishes it in seq order. */
@Entity({ name: 'outbox' })
export class OutboxMessageEntity {
  @PrimaryColumn({ type: 'bigint' })
  seq!: string;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId!: string;

  @Column({ type: 'text' })
  topic!: string;

  @Column({ name: 'message_key', type: 'text' })
  key!: string;

  @Column({ type: 'text' })
  type!: string;

  @Column({ type: 'jsonb' })
  value!: unknown;

  @Column({ type: 'jsonb' })
  headers!: Record<string, string>;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  @Column({ name: 'batch_id', type: 'uuid', nullable: true })
  batchId!: string | null;
}
