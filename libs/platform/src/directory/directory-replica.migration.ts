import { dropTables, sqlMigration } from '../database/sql-migration';
import { tableStampMigration } from './table-stamp';

/** The directory replica table, in the schema of each service that keeps one. */
export const DirectoryReplica1763780000001 = sqlMigration('DirectoryReplica1763780000001', {
  up: [
    `CREATE TABLE directory_units (
      id text PRIMARY KEY,
      name text NOT NULL,
      kind text NOT NULL,
      division_code char(12) NOT NULL,
      level text NOT NULL,
      territory_path text[] NOT NULL,
      parent_id text,
      competences text[] NOT NULL DEFAULT '{}',
      non_administrative boolean NOT NULL DEFAULT false,
      revision int NOT NULL,
      retired boolean NOT NULL DEFAULT false)`,
    `CREATE INDEX directory_units_division ON directory_units (division_code)`,
  ],
  down: dropTables('directory_units'),
});

/** The replica's change stamp (table-stamp.ts): the directory cache checks one row instead of aggregating the table. */
export const DirectoryReplicaStamp1796500000000 = sqlMigration(
  'DirectoryReplicaStamp1796500000000',
  tableStampMigration('directory_units'),
);
