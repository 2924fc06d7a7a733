import { generateDevKeyPair, issueStaffToken, type StaffClaims } from '@sunshine/platform';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const TEST_ISSUER = 'sunshine-test';
export const TEST_AUDIENCE = 'sunshine';

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

  token(claims: StaffClaims, expiresIn?: string | number): Promise<string> {
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
