import { Injectable } from '@nestjs/common';
import { divisionPrefix } from '@sunshine/domain';
import type { EntityManager } from 'typeorm';

/**
 * Case numbers: receiving division + year + sequence, e.g. `410726-2026-000123`. The counter row is updated in the
 * registration's transaction (row lock), so numbers have no gaps and no duplicates under concurrency; a rolled
 * back registration gives its number back.
 */
@Injectable()
export class CaseNumberService {
  async next(manager: EntityManager, divisionCode: string, at: Date): Promise<string> {
    const scope = divisionPrefix(divisionCode);
    const year = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(at));
    const rows = await manager.query<Array<{ last: number }>>(
      `INSERT INTO case_number_counters (scope, year, last) VALUES ($1, $2, 1)
       ON CONFLICT (scope, year) DO UPDATE SET last = case_number_counters.last + 1
       RETURNING last`,
      [scope, year],
    );
    const last = rows[0]?.last;
    if (last === undefined) throw new Error('case number counter returned nothing');
    return `${scope}-${year}-${String(last).padStart(6, '0')}`;
  }
}
