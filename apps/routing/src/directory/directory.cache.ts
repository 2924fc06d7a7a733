import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { TerritoryLevel } from '@sunshine/contracts';
import { OrgDirectory } from '@sunshine/domain';
import { OrgDirectorySource } from '@sunshine/platform';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * Routing's OrgDirectorySource: the directory it owns (`org_units`), rebuilt when the table changed (count, revisions
 * or last update moved), so a seeded or edited unit is routed to, and seen by visibility, at once.
 */
@Injectable()
export class DirectoryCache extends OrgDirectorySource {
  private cached?: { stamp: string; directory: OrgDirectory };

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  async current(m: EntityManager = this.dataSource.manager): Promise<OrgDirectory> {
    const [row] = await m.query<Array<{ stamp: string }>>(
      `SELECT count(*) || ':' || coalesce(sum(revision), 0) || ':' || coalesce(max(updated_at)::text, '') AS stamp FROM org_units`,
    );
    const stamp = row?.stamp ?? '';
    if (this.cached?.stamp === stamp) return this.cached.directory;
    const rows = await m.query<Array<Record<string, unknown>>>(`SELECT * FROM org_units WHERE NOT retired`);
    const directory = OrgDirectory.of(
      rows.map((r) => ({
        id: String(r['id']),
        name: String(r['name']),
        kind: String(r['kind']),
        divisionCode: String(r['division_code']),
        level: r['level'] as TerritoryLevel,
        parentId: (r['parent_id'] as string | null) ?? null,
        territoryPath: r['territory_path'] as string[],
        competences: r['competences'] as string[],
        nonAdministrative: Boolean(r['non_administrative']),
        revision: Number(r['revision']),
      })),
    );
    this.cached = { stamp, directory };
    return directory;
  }
}
