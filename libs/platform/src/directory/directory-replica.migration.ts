import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The directory replica table, in the schema of each service that keeps one. */
export class DirectoryReplica1763780000001 implements MigrationInterface {
  name = 'DirectoryReplica1763780000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE directory_units (
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
      retired boolean NOT NULL DEFAULT false)`);
    await q.query(`CREATE INDEX directory_units_division ON directory_units (division_code)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE directory_units`);
  }
}
