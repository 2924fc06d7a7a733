import { Module } from '@nestjs/common';

import { UpstreamController } from './upstream.controller';
import { UpstreamExportService } from './upstream-export.service';

/** Upstream reporting (issue 21): the daily export of the city's cases and the reconciliation report. */
@Module({ controllers: [UpstreamController], providers: [UpstreamExportService] })
export class UpstreamModule {}
