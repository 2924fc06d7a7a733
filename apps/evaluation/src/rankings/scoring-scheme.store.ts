import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { divisionLineage, type ScoringScheme, scoringSchemeSchema } from '@sunshine/domain';
import type { StaffPrincipal } from '@sunshine/platform';
import type { DataSource, EntityManager } from 'typeorm';

import { NOT_FOUND } from '../kpis/evaluation-errors';

/** One stored version of a scheme, with who stored it, from which unit, when and why. */
export interface StoredScheme {
  readonly id: string;
  readonly version: number;
  readonly divisionCode: string;
  readonly scheme: ScoringScheme;
  readonly reason: string;
  readonly createdBy: string;
  readonly createdByUnit: string;
  readonly createdAt: string;
}

const COLUMNS = `id, version, division_code, scheme, reason, created_by, created_by_unit, created_at`;

function storedOf(r: Record<string, unknown>): StoredScheme {
  return {
    id: String(r['id']),
    version: Number(r['version']),
    divisionCode: String(r['division_code']),
    scheme: scoringSchemeSchema.parse(r['scheme']),
    reason: String(r['reason']),
    createdBy: String(r['created_by']),
    createdByUnit: String(r['created_by_unit']),
    createdAt: new Date(r['created_at'] as string).toISOString(),
  };
}

/** Scoring schemes (考评方案) as data: each save is a new version; a jurisdiction uses the nearest one above it. */
@Injectable()
export class ScoringSchemeStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async save(
    staff: StaffPrincipal,
    id: string,
    body: { divisionCode: string; scheme: ScoringScheme; reason: string },
    at: Date,
  ): Promise<StoredScheme> {
    return this.dataSource.transaction(async (m: EntityManager) => {
      await m.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`scoring-scheme|${id}`]);
      const [row] = await m.query<Array<Record<string, unknown>>>(
        `INSERT INTO scoring_schemes (${COLUMNS})
         SELECT $1, COALESCE(max(version), 0) + 1, $2, $3, $4, $5, $6, $7 FROM scoring_schemes WHERE id = $1 RETURNING ${COLUMNS}`,
        [id, body.divisionCode, JSON.stringify(body.scheme), body.reason, staff.subject, staff.unitId, at],
      );
      if (!row) throw new Error('insert returned nothing');
      return storedOf(row);
    });
  }

  /** Every version, newest first. */
  async list(): Promise<StoredScheme[]> {
    const rows = await this.dataSource.query<Array<Record<string, unknown>>>(
      `SELECT ${COLUMNS} FROM scoring_schemes ORDER BY id, version DESC`,
    );
    return rows.map(storedOf);
  }

  /** The latest version of the scheme of the nearest jurisdiction at or above `division` (404 when none). */
  async forDivision(division: string): Promise<StoredScheme> {
    const lineage = divisionLineage(division);
    const rows = await this.dataSource.query<Array<Record<string, unknown>>>(
      `SELECT ${COLUMNS} FROM scoring_schemes WHERE division_code = ANY($1) ORDER BY length(rtrim(division_code, '0')) DESC, version DESC LIMIT 1`,
      [lineage],
    );
    if (!rows[0]) throw NOT_FOUND({ zh: '适用于该辖区的考评方案', en: 'scoring scheme for this territory' });
    return storedOf(rows[0]);
  }
}
