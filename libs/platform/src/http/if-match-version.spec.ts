import { parseExpectedVersion } from './if-match-version.decorator';

describe('parseExpectedVersion', () => {
  it('reads If-Match in its strong, weak and bare forms', () => {
    expect(parseExpectedVersion('"7"', undefined)).toBe(7);
    expect(parseExpectedVersion('W/"7"', {})).toBe(7);
    expect(parseExpectedVersion('7', null)).toBe(7);
  });

  it('prefers the body’s expectedVersion and refuses what is not a whole number', () => {
    expect(parseExpectedVersion('"7"', { expectedVersion: 3 })).toBe(3);
    expect(parseExpectedVersion(undefined, { expectedVersion: '3' })).toBeNaN();
    expect(parseExpectedVersion('"abc"', {})).toBeNaN();
    expect(parseExpectedVersion(undefined, {})).toBeNull();
  });
});
