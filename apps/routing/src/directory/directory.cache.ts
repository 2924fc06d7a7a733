import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { TableDirectorySource } from '@sunshine/platform';
import type { DataSource } from 'typeorm';

/**
 * Routing's OrgDirectorySource: the directory it owns (`org_units`), rebuilt when the table changed (count, revisions
 * or last update moved), so a seeded or edited unit is routed to, and seen by visibility, at once.
 */
@Injectable()
export class DirectoryCache extends TableDirectorySource {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(
      dataSource,
      'org_units',
      `SELECT count(*) || ':' || coalesce(sum(revision), 0) || ':' || coalesce(max(updated_at)::text, '') AS stamp FROM org_units`,
    );
  }
}
