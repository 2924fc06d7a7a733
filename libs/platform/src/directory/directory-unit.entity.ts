import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A service's read-only copy of one unit of the organisation directory (routing owns the directory). */
@Entity({ name: 'directory_units' })
export class DirectoryUnitEntity {
  @PrimaryColumn({ type: 'text' })
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  kind!: string;

  @Column({ name: 'division_code', type: 'char', length: 12 })
  divisionCode!: string;

  @Column({ type: 'text' })
  level!: string;

  @Column({ name: 'territory_path', type: 'text', array: true })
  territoryPath!: string[];

  @Column({ name: 'parent_id', type: 'text', nullable: true })
  parentId!: string | null;

  @Column({ type: 'text', array: true })
  competences!: string[];

  @Column({ name: 'non_administrative', type: 'boolean' })
  nonAdministrative!: boolean;

  @Column({ type: 'int' })
  revision!: number;

  @Column({ type: 'boolean', default: false })
  retired!: boolean;
}
