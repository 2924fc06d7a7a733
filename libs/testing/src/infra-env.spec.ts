import { Client } from 'pg';

import { overUnixSocket } from './infra-env';

describe('overUnixSocket', () => {
  it('moves a URL of this host onto the socket directory, keeping user, password and database', () => {
    expect(overUnixSocket('postgres://sunshine_intake:p%40ss@127.0.0.1:5432/sunshine', '/work/run')).toBe(
      'postgres://sunshine_intake:p%40ss@/sunshine?host=%2Fwork%2Frun',
    );
    expect(overUnixSocket('postgres://u:p@localhost:5432/db?sslmode=disable', '/tmp')).toBe(
      'postgres://u:p@/db?sslmode=disable&host=%2Ftmp',
    );
  });

  it('leaves a URL of another host alone', () => {
    expect(overUnixSocket('postgres://u:p@db.internal:5432/sunshine', '/tmp')).toBe('postgres://u:p@db.internal:5432/sunshine');
  });

  it('gives pg the socket directory as host and the same credentials', () => {
    const c = new Client({ connectionString: overUnixSocket('postgres://sunshine_intake:p%40ss@127.0.0.1:5432/sunshine', '/work/run') });
    expect([c.host, c.user, c.password, c.database]).toEqual(['/work/run', 'sunshine_intake', 'p@ss', 'sunshine']);
  });
});
