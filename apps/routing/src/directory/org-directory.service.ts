import { Injectable } from '@nestjs/common';
import type { OrgUnitSnapshot } from '@sunshine/contracts';
import { directoryWritten, newEvent, OutboxWriter } from '@sunshine/platform';
import type { EntityManager } from 'typeorm';

import type { UnitListQuery } from './org-admin.dto';

export type UnitDraft = Omit<OrgUnitSnapshot, 'revision'>;

interface UnitRow {
  id: string;
  name: string;
  kind: string;
  division_code: string;
  level: OrgUnitSnapshot['level'];
  parent_id: string | null;
  territory_path: string[];
  competences: string[];
  non_administrative: boolean;
  revision: number;
}

function toSnapshot(r: UnitRow): OrgUnitSnapshot {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    divisionCode: r.division_code,
    level: r.level,
    parentId: r.parent_id,
    territoryPath: r.territory_path,
    competences: r.competences,
    nonAdministrative: r.non_administrative,
    revision: r.revision,
  };
}

/**
 * The organisation directory, owned by routing. Every change is stored and published, in one transaction, as the
 * unit's full snapshot on the compacted org-directory topic (never a delta).
 */
@Injectable()
export class OrgDirectoryService {
  constructor(private readonly outbox: OutboxWriter) {}

  /**
   * Inserts or updates units; unchanged units are neither rewritten nor republished. Returns the number changed. The
   * actor is a staff member (subject and unit) or a system job (its name, e.g. the seed).
   */
  async upsert(m: EntityManager, drafts: readonly UnitDraft[], actorId: string, actorUnitId?: string): Promise<number> {
    let changed = 0;
    // Writers of the directory queue on its change stamp first (the trigger moves it at each write): taken before any
    // unit's row, two transactions upserting overlapping units can never hold one each and wait for the other.
    if (drafts.length > 0) {
      directoryWritten(m);
      await m.query(`SELECT n FROM org_units_stamp FOR UPDATE`);
    }
    for (const d of drafts) {
      const [current] = await m.query<UnitRow[]>(`SELECT * FROM org_units WHERE id = $1 FOR UPDATE`, [d.id]);
      if (current && sameUnit(toSnapshot(current), d)) continue;
      const revision = (current?.revision ?? 0) + 1;
      await m.query(
        `INSERT INTO org_units (id, name, kind, division_code, level, parent_id, territory_path, competences, non_administrative, revision)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         ON CONFLICT (id) DO UPDATE SET name = $2, kind = $3, division_code = $4, level = $5, parent_id = $6, territory_path = $7,
           competences = $8, non_administrative = $9, revision = $10, retired = false, updated_at = now()`,
        [d.id, d.name, d.kind, d.divisionCode, d.level, d.parentId, d.territoryPath, d.competences, d.nonAdministrative, revision],
      );
      const event = newEvent(
        'org.unit-snapshot',
        { ...d, revision },
        {
          jurisdiction: { place: [], unit: d.territoryPath.slice(-5) },
          actor: actorUnitId ? { kind: 'staff', id: actorId, unitId: actorUnitId } : { kind: 'system', id: actorId },
        },
      );
      await this.outbox.append(m, event, d.id);
      changed++;
    }
    return changed;
  }

  async all(m: EntityManager): Promise<OrgUnitSnapshot[]> {
    return (await m.query<UnitRow[]>(`SELECT * FROM org_units WHERE NOT retired ORDER BY division_code, id`)).map(toSnapshot);
  }

  /** Units by division, territory, kind, level, competence or name, paged. */
  async search(m: EntityManager, q: UnitListQuery): Promise<{ items: OrgUnitSnapshot[]; total: number }> {
    const params: unknown[] = [];
    const add = (v: unknown): string => `$${params.push(v)}`;
    const where = ['NOT retired'];
    if (q.division) where.push(`division_code = ${add(q.division)}`);
    if (q.within) where.push(`${add(q.within)} = ANY(territory_path)`);
    if (q.kind) where.push(`kind = ${add(q.kind)}`);
    if (q.level) where.push(`level = ${add(q.level)}`);
    if (q.competence) where.push(`${add(q.competence)} = ANY(competences)`);
    if (q.q) where.push(`name LIKE ${add(`%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)}`);
    const clause = where.join(' AND ');
    const [count] = await m.query<Array<{ n: string }>>(`SELECT count(*) AS n FROM org_units WHERE ${clause}`, params);
    const rows = await m.query<UnitRow[]>(
      `SELECT * FROM org_units WHERE ${clause} ORDER BY division_code, id LIMIT ${add(q.limit)} OFFSET ${add(q.offset)}`,
      params,
    );
    return { items: rows.map(toSnapshot), total: Number(count?.n ?? 0) };
  }

  async get(m: EntityManager, id: string): Promise<OrgUnitSnapshot | null> {
    const [row] = await m.query<UnitRow[]>(`SELECT * FROM org_units WHERE id = $1 AND NOT retired`, [id]);
    return row ? toSnapshot(row) : null;
  }
}

function sameUnit(a: OrgUnitSnapshot, b: UnitDraft): boolean {
  return (
    a.name === b.name &&
    a.kind === b.kind &&
    a.divisionCode === b.divisionCode &&
    a.level === b.level &&
    a.parentId === b.parentId &&
    a.nonAdministrative === b.nonAdministrative &&
    a.territoryPath.join() === b.territoryPath.join() &&
    [...a.competences].sort().join() === [...b.competences].sort().join()
  );
}
