import { Column, Entity, PrimaryColumn } from 'typeorm';

/** What an owner last published for one reference item: its revision counter and the snapshot's content. */
@Entity({ name: 'reference_publications' })
export class ReferencePublicationEntity {
  @PrimaryColumn({ type: 'text' })
  kind!: string;

  @PrimaryColumn({ type: 'text' })
  id!: string;

  @Column({ type: 'int' })
  revision!: number;

  @Column({ type: 'jsonb' })
  payload!: unknown;

  @Column({ name: 'published_at', type: 'timestamptz' })
  publishedAt!: Date;

  @Column({ name: 'published_by', type: 'text' })
  publishedBy!: string;
}
