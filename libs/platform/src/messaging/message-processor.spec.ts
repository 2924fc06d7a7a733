import { isInfrastructureOutage } from './message-processor';

describe('isInfrastructureOutage', () => {
  it('recognises a database that is away, restarting or in a transient conflict', () => {
    expect(isInfrastructureOutage(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isInfrastructureOutage(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }))).toBe(true);
    expect(isInfrastructureOutage(Object.assign(new Error('could not serialize access'), { code: '40001' }))).toBe(true);
    expect(isInfrastructureOutage(new Error('Connection terminated unexpectedly'))).toBe(true);
  });

  it('leaves a handler bug or a constraint violation to retries and the dead-letter topic', () => {
    expect(isInfrastructureOutage(new TypeError("Cannot read properties of undefined (reading 'x')"))).toBe(false);
    expect(isInfrastructureOutage(Object.assign(new Error('duplicate key value'), { code: '23505' }))).toBe(false);
    expect(isInfrastructureOutage('boom')).toBe(false);
  });
});
