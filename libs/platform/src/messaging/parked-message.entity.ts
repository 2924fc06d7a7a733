import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A message held back because an earlier message of the same key is dead-lettered (order per key is kept). */
@Entity({ name: 'parked_messages' })
export class ParkedMessageEntity {
  @PrimaryColumn({ type: 'bigint' })
  seq!: string;

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
