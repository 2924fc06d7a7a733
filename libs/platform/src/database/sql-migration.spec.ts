import type { QueryRunner } from 'typeorm';

import { dropTables, sqlMigration } from './sql-migration';

function recorder(): { runner: QueryRunner; sql: string[] } {
  const sql: string[] = [];
  const runner = { query: async (statement: string) => void sql.push(statement) } as unknown as QueryRunner;
  return { runner, sql };
}

describe('sqlMigration', () => {
  const Example1763000000000 = sqlMigration('Example1763000000000', {
    up: ['CREATE TABLE a (id int)', 'CREATE INDEX a_id ON a (id)'],
    down: dropTables('a'),
  });

  it('carries its name on the instance (what TypeORM records) and on the class', () => {
    expect(new Example1763000000000().name).toBe('Example1763000000000');
    expect(Example1763000000000.name).toBe('Example1763000000000');
  });

  it('runs the up statements in the order given', async () => {
    const { runner, sql } = recorder();
    await new Example1763000000000().up(runner);
    expect(sql).toEqual(['CREATE TABLE a (id int)', 'CREATE INDEX a_id ON a (id)']);
  });

  it('runs the down statements in the order given', async () => {
    const { runner, sql } = recorder();
    await new Example1763000000000().down(runner);
    expect(sql).toEqual(['DROP TABLE a']);
  });

  it('drops tables in the order given', () => {
    expect(dropTables('b', 'a')).toEqual(['DROP TABLE b', 'DROP TABLE a']);
  });
});
