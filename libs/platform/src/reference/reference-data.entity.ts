import { Column, Entity } from 'typeorm';

import { ReferenceSnapshotColumns } from './reference-snapshot.columns';

/** A service's copy of one reference item (the highest revision seen on the reference-data topic). */
@Entity({ name: 'reference_data' })
export class ReferenceDataEntity extends ReferenceSnapshotColumns {
  @Column({ name: 'event_id', type: 'uuid' })
  eventId!: string;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  @Column({ name: 'published_by', type: 'text', nullable: true })
  publishedBy!: string | null;

  @Column({ name: 'applied_at', type: 'timestamptz' })
  appliedAt!: Date;
}
