import { correlationIdOf, isSaneCorrelationId } from './correlation-id';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('correlationIdOf', () => {
  it('takes a sane X-Correlation-Id as is', () => {
    expect(correlationIdOf({ 'x-correlation-id': 'test-2025.06:abc_1' })).toBe('test-2025.06:abc_1');
  });

  it('takes X-Request-Id when X-Correlation-Id is missing or unusable', () => {
    expect(correlationIdOf({ 'x-request-id': 'gw-42' })).toBe('gw-42');
    expect(correlationIdOf({ 'x-correlation-id': 'has space', 'x-request-id': 'gw-42' })).toBe('gw-42');
  });

  it('makes a UUIDv7 when neither header is usable', () => {
    expect(correlationIdOf({})).toMatch(UUID_V7);
    expect(correlationIdOf({ 'x-correlation-id': 'a'.repeat(97) })).toMatch(UUID_V7);
    expect(correlationIdOf({ 'x-correlation-id': ['a', 'b'] })).toMatch(UUID_V7);
    expect(correlationIdOf({ 'x-correlation-id': 'a, b' })).toMatch(UUID_V7);
  });
});

describe('isSaneCorrelationId', () => {
  it('accepts 1 to 96 letters, digits and . _ : - starting with a letter or digit', () => {
    expect(isSaneCorrelationId('a')).toBe(true);
    expect(isSaneCorrelationId('0190a2b4-7c1e-7def-8000-0123456789ab')).toBe(true);
    expect(isSaneCorrelationId('a'.repeat(96))).toBe(true);
  });

  it('refuses empty, too long, other characters, a leading separator and non-strings', () => {
    expect(isSaneCorrelationId('')).toBe(false);
    expect(isSaneCorrelationId('a'.repeat(97))).toBe(false);
    for (const bad of ['-x', 'a b', 'a"b', 'a\nb', 'a/b', '信访', 'a<b>']) expect(isSaneCorrelationId(bad)).toBe(false);
    expect(isSaneCorrelationId(undefined)).toBe(false);
    expect(isSaneCorrelationId(42)).toBe(false);
  });
});
