import { Injectable } from '@nestjs/common';
import { OrgDirectory } from '@sunshine/domain';
import type { EntityManager } from 'typeorm';

/**
 * The directory as the routing policy reads it, rebuilt when org_units changed (max revision or count moved), so a
 * seeded or edited unit is routed to at once.
 */
@Injectable()
export class DirectoryCache {
  private cached?: { stamp: string; directory: OrgDirectory };

  async current(m: EntityManager): Promise<OrgDirectory> {
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
        level: r['level'] as 'city' | 'county' | 'township' | 'village' | 'province',
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
