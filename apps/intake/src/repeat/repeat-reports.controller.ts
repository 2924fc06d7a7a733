import { Header } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Staff, StaffController, type StaffPrincipal, StaffRoute, ZodQuery } from '@sunshine/platform';
import type { DataSource } from 'typeorm';
import { z } from 'zod';

import { RepeatReportsService, type RepeatReportView } from './repeat-reports.service';

export const repeatReportQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type RepeatReportQueryDto = z.infer<typeof repeatReportQuerySchema>;

@StaffController('repeat-reports', 'repeat reports 重复访报告')
export class RepeatReportsController {
  constructor(
    private readonly reports: RepeatReportsService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @StaffRoute('GET', '', {
    summary:
      '本单位收到的重复访报告 Repeat matches reported to the caller’s unit: a registration elsewhere matched an earlier case only this unit may see (both cases visible to the caller)',
  })
  @Header('cache-control', 'no-store')
  list(@ZodQuery(repeatReportQuerySchema) q: RepeatReportQueryDto, @Staff() staff: StaffPrincipal): Promise<RepeatReportView[]> {
    return this.reports.listFor(this.dataSource.manager, staff, q);
  }
}
