import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { OrgUnitSnapshot } from '@sunshine/contracts';
import type { DataSource, EntityManager } from 'typeorm';

import { DirectoryUnitEntity } from './directory-unit.entity';
import { directoryWritten } from './table-stamp';

/** Look-ups on a service's copy of the organisation directory. */
@Injectable()
export class DirectoryReplicaService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async apply(manager: EntityManager, unit: OrgUnitSnapshot): Promise<void> {
    directoryWritten(manager);
    await manager.query(
      `INSERT INTO directory_units (id, name, kind, division_code, level, territory_path, parent_id, competences, non_administrative, revision)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (id) DO UPDATE SET name = $2, kind = $3, division_code = $4, level = $5, territory_path = $6, parent_id = $7,
         competences = $8, non_administrative = $9, revision = $10, retired = false
       WHERE directory_units.revision < EXCLUDED.revision`,
      [
        unit.id,
        unit.name,
        unit.kind,
        unit.divisionCode,
        unit.level,
        unit.territoryPath,
        unit.parentId,
        unit.competences,
        unit.nonAdministrative,
        unit.revision,
      ],
    );
  }

  /** A unit that is not retired (plain SQL: no query building on the registration's and correction's path). */
  async unit(id: string): Promise<DirectoryUnitEntity | null> {
    const [row] = await this.dataSource.query<UnitRow[]>(`SELECT ${UNIT_COLUMNS} FROM directory_units WHERE id = $1 AND NOT retired`, [id]);
    return row ? unitOf(row) : null;
  }

  async hasDivision(code: string): Promise<boolean> {
    const rows = await this.dataSource.query<unknown[]>(`SELECT 1 FROM directory_units WHERE division_code = $1 AND NOT retired LIMIT 1`, [
      code,
    ]);
    return rows.length > 0;
  }
}

const UNIT_COLUMNS = 'id, name, kind, division_code, level, territory_path, parent_id, competences, non_administrative, revision, retired';

interface UnitRow {
  id: string;
  name: string;
  kind: string;
  division_code: string;
  level: string;
  territory_path: string[];
  parent_id: string | null;
  competences: string[];
  non_administrative: boolean;
  revision: number;
  retired: boolean;
}

function unitOf(r: UnitRow): DirectoryUnitEntity {
  return Object.assign(new DirectoryUnitEntity(), {
    id: r.id,
    name: r.name,
    kind: r.kind,
    divisionCode: r.division_code,
    level: r.level,
    territoryPath: r.territory_path,
    parentId: r.parent_id,
    competences: r.competences,
    nonAdministrative: r.non_administrative,
    revision: r.revision,
    retired: r.retired,
  });
}
