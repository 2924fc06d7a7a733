import { Column } from 'typeorm';

/**
 * A Kafka message as one consumer received it (which consumer, where it was on the topic, its raw value and headers),
 * kept for later: the columns dead_letters and parked_messages share.
 */
export abstract class ConsumedMessageColumns {
  @Column({ type: 'text' })
  consumer!: string;

  @Column({ type: 'text' })
  topic!: string;

  @Column({ name: 'message_key', type: 'text' })
  key!: string;

  @Column({ type: 'int' })
  partition!: number;

  @Column({ name: 'message_offset', type: 'bigint' })
  offset!: string;

  @Column({ type: 'text' })
  value!: string;

  @Column({ type: 'jsonb' })
  headers!: Record<string, string>;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
