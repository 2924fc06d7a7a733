import type { EntityManager } from 'typeorm';

import type { MigrationSql } from '../database/sql-migration';

/**
 * A table's change stamp: a one-row counter (`<table>_stamp`) that a statement-level trigger moves on every INSERT,
 * UPDATE, DELETE or TRUNCATE of the table, in the writing transaction (an upsert fires INSERT's and UPDATE's: +2); a
 * rolled back write leaves it where it was. A cache of the table (TableDirectorySource)
 * compares it in one primary-key read, where it used to aggregate the whole table (count, revisions) at every read:
 * ~0.8 ms of PostgreSQL for 1,281 units, several times per event in every service (docs/benchmarks.md).
 */
export function tableStampMigration(table: string): MigrationSql {
  return {
    up: [
      `CREATE TABLE ${table}_stamp (one boolean PRIMARY KEY DEFAULT true CHECK (one), n bigint NOT NULL)`,
      `INSERT INTO ${table}_stamp (n) VALUES (0)`,
      `CREATE FUNCTION ${table}_stamp_bump() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN UPDATE ${table}_stamp SET n = n + 1; RETURN NULL; END $$`,
      `CREATE TRIGGER ${table}_stamp_bump AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table}
       FOR EACH STATEMENT EXECUTE FUNCTION ${table}_stamp_bump()`,
    ],
    down: [`DROP TRIGGER ${table}_stamp_bump ON ${table}`, `DROP FUNCTION ${table}_stamp_bump()`, `DROP TABLE ${table}_stamp`],
  };
}

/** The stamp as TableDirectorySource reads it (one row, column `stamp`). */
export function tableStampSql(table: string): string {
  return `SELECT n::text AS stamp FROM ${table}_stamp`;
}

/** Transactions that wrote a directory table: their reads of the directory look at the table again, never a memo. */
const wroteDirectory = new WeakSet<EntityManager>();

/** Says that the transaction of `m` writes the directory table (call it before the write). */
export function directoryWritten(m: EntityManager): void {
  wroteDirectory.add(m);
}

/**
 * Whether reads of the directory through `m` may share one look at the stamp: `m` runs a transaction (its own
 * connection, so a memo dies with it) that wrote no directory row. Such a transaction then works with one directory
 * throughout, as of its first read, instead of re-reading the stamp at every step (ten times in routing's dispatch).
 */
export function directoryMemoable(m: EntityManager): boolean {
  return m.queryRunner?.isTransactionActive === true && !wroteDirectory.has(m);
}
