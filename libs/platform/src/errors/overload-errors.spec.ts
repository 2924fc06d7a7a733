import { QueryFailedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';

import { overloadException } from './overload-errors';

function withCode(message: string, code: string): Error {
  return Object.assign(new Error(message), { code });
}

describe('overloadException', () => {
  it('calls a pool acquire timeout and a statement timeout overload (503 OVERLOADED, retry after 1 s)', () => {
    for (const error of [
      new Error('timeout exceeded when trying to connect'),
      withCode('canceling statement due to statement timeout', '57014'),
    ]) {
      const e = overloadException(error);
      expect([e?.code, e?.kind, e?.details]).toEqual(['OVERLOADED', 'unavailable', { retryAfterSeconds: 1 }]);
    }
  });

  it('calls PostgreSQL down, restarting or cutting the connection unavailable (503 DEPENDENCY_UNAVAILABLE, retry after 5 s)', () => {
    const samples = [
      withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'),
      // A PostgreSQL on this host reached over its Unix socket, stopped: the socket file is gone.
      Object.assign(withCode('connect ENOENT /run/postgresql/.s.PGSQL.5432', 'ENOENT'), { syscall: 'connect' }),
      new Error('Connection terminated unexpectedly'),
      new QueryFailedError('SELECT 1', [], withCode('terminating connection due to administrator command', '57P01')),
      withCode('the database system is starting up', '57P03'),
      withCode('sorry, too many clients already', '53300'),
      withCode('connection failure', '08006'),
      new Error('Connection terminated due to connection timeout', { cause: withCode('connect ETIMEDOUT', 'ETIMEDOUT') }),
      // PostgreSQL stopped between two statements of a transaction: TypeORM released its query runner.
      new QueryRunnerProviderAlreadyReleasedError(),
    ];
    for (const error of samples) {
      const e = overloadException(error);
      expect([e?.code, e?.details]).toEqual(['DEPENDENCY_UNAVAILABLE', { dependency: 'postgresql', retryAfterSeconds: 5 }]);
    }
  });

  it('calls Redis unreachable unavailable', () => {
    const e = overloadException(new Error("Stream isn't writeable and enableOfflineQueue options is false"));
    expect([e?.code, e?.details]).toEqual(['DEPENDENCY_UNAVAILABLE', { dependency: 'redis', retryAfterSeconds: 5 }]);
  });

  it('leaves bugs and refusals of a statement as they are (a 500 stays a 500)', () => {
    for (const error of [
      new TypeError("Cannot read properties of undefined (reading 'x')"),
      new QueryFailedError('INSERT', [], withCode('duplicate key value violates unique constraint', '23505')),
      withCode('relation "x" does not exist', '42P01'),
      withCode('deadlock detected', '40P01'),
      // A missing file is not a database away.
      Object.assign(withCode("ENOENT: no such file or directory, open '/data/a.pdf'", 'ENOENT'), { syscall: 'open' }),
      'a string',
      null,
    ])
      expect(overloadException(error)).toBeNull();
  });
});
