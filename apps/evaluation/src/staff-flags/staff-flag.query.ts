import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { mayReadFigures } from '@sunshine/domain';
import { CaseVisibility, OrgDirectorySource, type StaffPrincipal } from '@sunshine/platform';
import type { DataSource } from 'typeorm';

export interface StaffFlagView {
  readonly flagId: string;
  readonly staffId: string;
  readonly unitId: string;
  readonly quarter: string;
  readonly streak: number;
  readonly caseIds: string[];
  readonly flaggedAt: string;
}

/** The flags of staff in the caller's own unit, or of every unit in the territory the caller oversees. */
@Injectable()
export class StaffFlagQuery {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly visibility: CaseVisibility,
    private readonly directory: OrgDirectorySource,
  ) {}

  async list(staff: StaffPrincipal, quarter?: string): Promise<StaffFlagView[]> {
    const viewer = await this.visibility.viewer(staff);
    const directory = await this.directory.current();
    const rows = await this.dataSource.query<Array<Record<string, unknown>>>(
      `SELECT id, staff_id, unit_id, quarter, streak, case_ids, flagged_at FROM staff_flags WHERE ($1::text IS NULL OR quarter = $1)
        ORDER BY quarter DESC, unit_id, staff_id`,
      [quarter ?? null],
    );
    return rows
      .filter((r) => {
        const unitId = String(r['unit_id']);
        return mayReadFigures(viewer, { kind: 'unit', unitId, division: directory.get(unitId)?.divisionCode ?? null });
      })
      .map((r) => ({
        flagId: String(r['id']),
        staffId: String(r['staff_id']),
        unitId: String(r['unit_id']),
        quarter: String(r['quarter']),
        streak: Number(r['streak']),
        caseIds: r['case_ids'] as string[],
        flaggedAt: new Date(r['flagged_at'] as string).toISOString(),
      }));
  }
}
