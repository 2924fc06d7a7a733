import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A migration class as DatabaseOptions lists it (TypeORM instantiates it with no arguments). */
export type MigrationClass = new () => MigrationInterface;

/** The statements of a migration, run one after the other: `up` to apply it, `down` to revert it. */
export interface MigrationSql {
  readonly up: readonly string[];
  readonly down: readonly string[];
}

/**
 * A migration that is its SQL and nothing else. `name` is its identity in the migrations table (the class name
 * TypeORM would read, ending in the timestamp that orders it): never change the name or the SQL of one that ran.
 *
 *   export const RoutingInitial1763810000000 = sqlMigration('RoutingInitial1763810000000', { up: [...], down: [...] });
 */
export function sqlMigration(name: string, sql: MigrationSql): MigrationClass {
  const migration = class implements MigrationInterface {
    readonly name = name;

    async up(q: QueryRunner): Promise<void> {
      for (const statement of sql.up) await q.query(statement);
    }

    async down(q: QueryRunner): Promise<void> {
      for (const statement of sql.down) await q.query(statement);
    }
  };
  // The class carries the name too (logs, stack traces, a bundler that renames classes).
  Object.defineProperty(migration, 'name', { value: name });
  return migration;
}

/** `DROP TABLE <t>` for each table, in the order given (dependents first). */
export function dropTables(...tables: readonly string[]): string[] {
  return tables.map((t) => `DROP TABLE ${t}`);
}
