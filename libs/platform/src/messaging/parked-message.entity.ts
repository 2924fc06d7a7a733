import { Entity, PrimaryColumn } from 'typeorm';

import { ConsumedMessageColumns } from './consumed-message.columns';

/** A message held back because an earlier message of the same key is dead-lettered (order per key is kept). */
@Entity({ name: 'parked_messages' })
export class ParkedMessageEntity extends ConsumedMessageColumns {
  @PrimaryColumn({ type: 'bigint' })
  seq!: string;
}
