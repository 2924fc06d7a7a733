import { Column, Entity, PrimaryColumn } from 'typeorm';

import { ConsumedMessageColumns } from './consumed-message.columns';

export type DeadLetterStatus = 'parked' | 'replayed' | 'discarded';

/** A message that kept failing; while `parked`, later messages of its key wait in parked_messages. */
@Entity({ name: 'dead_letters' })
export class DeadLetterEntity extends ConsumedMessageColumns {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'event_id', type: 'text', nullable: true })
  eventId!: string | null;

  @Column({ name: 'event_type', type: 'text', nullable: true })
  eventType!: string | null;

  @Column({ type: 'text' })
  error!: string;

  @Column({ type: 'int' })
  attempts!: number;

  @Column({ type: 'text' })
  status!: DeadLetterStatus;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt!: Date | null;
}
