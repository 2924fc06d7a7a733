import { Column, PrimaryColumn } from 'typeorm';

/** One reference item's snapshot at a revision (key: kind and id): the columns reference_data and reference_publications share. */
export abstract class ReferenceSnapshotColumns {
  @PrimaryColumn({ type: 'text' })
  kind!: string;

  @PrimaryColumn({ type: 'text' })
  id!: string;

  @Column({ type: 'int' })
  revision!: number;

  @Column({ type: 'jsonb' })
  payload!: unknown;
}
