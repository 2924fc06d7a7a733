import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { generateDevKeyPair, issueStaffToken, type StaffClaims } from '@sunshine/platform';

export const TEST_ISSUER = 'sunshine-test';
export const TEST_AUDIENCE = 'sunshine';
/** The lifetime of test tokens unless a test names one. */
export const TEST_TOKEN_LIFETIME = '1h';

/** A throw-away signing key for one test run, and a token factory for staff of any unit. */
export class TestKeys {
  private constructor(
    readonly publicKeyPem: string,
    private readonly privateKeyPem: string,
    readonly publicKeyFile: string,
    readonly privateKeyFile: string,
  ) {}

  static async create(): Promise<TestKeys> {
    const pair = await generateDevKeyPair();
    const dir = mkdtempSync(join(tmpdir(), 'sunshine-keys-'));
    const file = join(dir, 'public.pem');
    const privateFile = join(dir, 'private.pem');
    writeFileSync(file, pair.publicKeyPem);
    writeFileSync(privateFile, pair.privateKeyPem, { mode: 0o600 });
    return new TestKeys(pair.publicKeyPem, pair.privateKeyPem, file, privateFile);
  }

  /**
   * A staff token living `expiresIn` (default one hour: within the services' test maximum of 8 h, and long enough for
   * a suite that signs once in beforeAll; a world that keeps tokens for a whole run renews them, see MatrixWorld). The
   * 15-minute production rule is tested with explicit lifetimes (libs/platform token-rules.spec.ts).
   */
  token(claims: StaffClaims, expiresIn: string | number = TEST_TOKEN_LIFETIME): Promise<string> {
    return issueStaffToken(claims, { privateKeyPem: this.privateKeyPem, issuer: TEST_ISSUER, audience: TEST_AUDIENCE, expiresIn });
  }

  /** Environment entries that make a service trust these keys. */
  env(): Record<string, string> {
    return {
      AUTH_PUBLIC_KEY_FILE: this.publicKeyFile,
      AUTH_ISSUER: TEST_ISSUER,
      AUTH_AUDIENCE: TEST_AUDIENCE,
      SERVICE_SIGNING_KEY_FILE: this.privateKeyFile,
    };
  }
}
