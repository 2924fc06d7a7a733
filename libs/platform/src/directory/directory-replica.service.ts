import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { OrgUnitSnapshot } from '@sunshine/contracts';
import type { DataSource, EntityManager } from 'typeorm';

import { DirectoryUnitEntity } from './directory-unit.entity';

/** Look-ups on a service's copy of the organisation directory. */
@Injectable()
export class DirectoryReplicaService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async apply(manager: EntityManager, unit: OrgUnitSnapshot): Promise<void> {
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

  unit(id: string): Promise<DirectoryUnitEntity | null> {
    return this.dataSource.getRepository(DirectoryUnitEntity).findOne({ where: { id, retired: false } });
  }

  async hasDivision(code: string): Promise<boolean> {
    return (await this.dataSource.getRepository(DirectoryUnitEntity).count({ where: { divisionCode: code, retired: false } })) > 0;
  }
}
