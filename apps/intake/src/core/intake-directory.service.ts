import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { OrgUnitSnapshot, TerritoryLevel } from '@sunshine/contracts';
import { OrgDirectory } from '@sunshine/domain';
import type { DataSource } from 'typeorm';

interface UnitRow {
  id: string;
  name: string;
  kind: string;
  division_code: string;
  level: TerritoryLevel;
  territory_path: string[];
  parent_id: string | null;
  competences: string[];
  non_administrative: boolean;
  revision: number;
}

/**
 * Intake's copy of the organisation directory (fed by the org topic) as the domain's OrgDirectory, rebuilt when the
 * replica changed: skip-level checks, Art 19, accusation visibility and unit names read it.
 */
@Injectable()
export class IntakeDirectoryService {
  private cached?: { stamp: string; directory: OrgDirectory };

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async current(): Promise<OrgDirectory> {
    const [row] = await this.dataSource.query<Array<{ stamp: string }>>(
      `SELECT count(*) || ':' || coalesce(sum(revision), 0) || ':' || count(*) FILTER (WHERE retired) AS stamp FROM directory_units`,
    );
    const stamp = row?.stamp ?? '';
    if (this.cached?.stamp === stamp) return this.cached.directory;
    const rows = await this.dataSource.query<UnitRow[]>(`SELECT * FROM directory_units WHERE NOT retired`);
    const directory = OrgDirectory.of(rows.map(toSnapshot));
    this.cached = { stamp, directory };
    return directory;
  }

  async unitName(id: string | null): Promise<string | null> {
    if (id === null) return null;
    return (await this.current()).get(id)?.name ?? null;
  }
}

function toSnapshot(r: UnitRow): OrgUnitSnapshot {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    divisionCode: r.division_code,
    level: r.level,
    territoryPath: r.territory_path,
    parentId: r.parent_id,
    competences: r.competences,
    nonAdministrative: r.non_administrative,
    revision: Number(r.revision),
  };
}
