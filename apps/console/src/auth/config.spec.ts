import { describe, expect, it } from '@jest/globals';

import { parseConsoleConfig } from './config';

describe('the console’s runtime configuration (/console-config.json)', () => {
  it('names the identity provider when nginx was given one, without a trailing slash', () => {
    expect(parseConsoleConfig({ oidc: { authority: 'http://127.0.0.1:8180/realms/sunshine/', clientId: 'sunshine-console' } })).toEqual({
      oidc: { authority: 'http://127.0.0.1:8180/realms/sunshine', clientId: 'sunshine-console' },
    });
  });

  it('means the development sign-in for {}, for anything malformed, and for what is not an object', () => {
    expect(parseConsoleConfig({})).toEqual({});
    expect(parseConsoleConfig({ oidc: { authority: 'javascript:alert(1)', clientId: 'sunshine-console' } })).toEqual({});
    expect(parseConsoleConfig({ oidc: { authority: 'http://127.0.0.1:8180/realms/sunshine', clientId: '' } })).toEqual({});
    expect(parseConsoleConfig({ oidc: 'http://127.0.0.1:8180/realms/sunshine' })).toEqual({});
    expect(parseConsoleConfig('<!doctype html>')).toEqual({});
    expect(parseConsoleConfig(null)).toEqual({});
  });
});
