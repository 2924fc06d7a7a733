import { Column, Entity } from 'typeorm';

import { ReferenceSnapshotColumns } from './reference-snapshot.columns';

/** What an owner last published for one reference item: its revision counter and the snapshot's content. */
@Entity({ name: 'reference_publications' })
export class ReferencePublicationEntity extends ReferenceSnapshotColumns {
  @Column({ name: 'published_at', type: 'timestamptz' })
  publishedAt!: Date;

  @Column({ name: 'published_by', type: 'text' })
  publishedBy!: string;
}
