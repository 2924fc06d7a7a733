import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { shanghaiEndOfDay, shanghaiStartOfDay } from '@sunshine/domain';
import { Clock } from '@sunshine/platform';
import type { DataSource } from 'typeorm';

import type { ReconciliationDto, UpstreamCase, UpstreamExport } from './upstream.dto';
import { reconcile, type ReconciliationReport } from './upstream-reconcile';

interface Row {
  case_number: string;
  registered_at: Date;
  channel: string | null;
  type: string;
  category: string | null;
  place_code: string | null;
  receiving_unit_id: string | null;
  holding_unit_id: string | null;
  status: string;
  stage: string;
  updated_at: Date;
}

/**
 * 上报省级信访信息系统: the daily export of the city's cases and the reconciliation of the upstream's acknowledgement
 * (issue 21, Art 21), from intake's case replica (every case of the city, folded from the case log). A day is the cases
 * registered on it (Asia/Shanghai), each with its holding unit and status now. Confidential cases (accusations, Art 30)
 * are never exported here: they go to the discipline system's upstream only.
 */
@Injectable()
export class UpstreamExportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async export(day: string): Promise<UpstreamExport> {
    const rows = await this.dataSource.query<Row[]>(
      `SELECT case_number, registered_at, state->>'channel' AS channel, type, category, place_code, receiving_unit_id, holding_unit_id,
              status, stage, updated_at
         FROM case_replica
        WHERE registered_at >= $1 AND registered_at < $2 AND NOT confidential AND case_number IS NOT NULL AND status IS NOT NULL
        ORDER BY registered_at, case_number`,
      [shanghaiStartOfDay(day), shanghaiEndOfDay(day)],
    );
    const cases = rows.map((r): UpstreamCase => ({
      caseNumber: r.case_number,
      registeredAt: r.registered_at.toISOString(),
      channel: r.channel,
      type: r.type,
      category: r.category,
      placeCode: r.place_code,
      receivingUnitId: r.receiving_unit_id,
      unitId: r.holding_unit_id ?? r.receiving_unit_id ?? '',
      status: r.status,
      stage: r.stage,
      updatedAt: r.updated_at.toISOString(),
    }));
    return { day, generatedAt: this.clock.now().toISOString(), count: cases.length, cases };
  }

  async reconcile(dto: ReconciliationDto): Promise<ReconciliationReport> {
    const ours = (await this.export(dto.day)).cases;
    return reconcile(dto.day, ours, dto.acknowledged);
  }
}
