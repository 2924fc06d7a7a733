import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { TableDirectorySource, tableStampSql } from '@sunshine/platform';
import type { DataSource } from 'typeorm';

/**
 * Routing's OrgDirectorySource: the directory it owns (`org_units`), rebuilt when the table's change stamp moved
 * (table-stamp.ts: any write to it, committed), so a seeded or edited unit is routed to, and seen by visibility, at once.
 */
@Injectable()
export class DirectoryCache extends TableDirectorySource {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource, 'org_units', tableStampSql('org_units'));
  }
}
