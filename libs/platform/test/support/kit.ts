/**
 * The few test helpers these tests need, as in @sunshine/testing (same variables, defaults and behaviour): the
 * platform's own tests cannot import that library, which itself builds on the platform (a project cycle that
 * @nx/enforce-module-boundaries refuses).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StaffClaims } from '../../src/auth/staff-claims';
import { generateDevKeyPair, issueStaffToken } from '../../src/auth/token-issuer';

export interface Infra {
  readonly databaseUrl: string;
  readonly kafkaBrokers: string[];
  readonly redisUrl: string;
}

/** Where the real infrastructure answers (deploy/local/infra.sh up, or the URLs given in the environment). */
export function infra(source: NodeJS.ProcessEnv = process.env): Infra {
  return {
    databaseUrl: source['DATABASE_URL'] ?? 'postgres://sunshine:sunshine@127.0.0.1:5432/sunshine',
    kafkaBrokers: (source['KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(','),
    redisUrl: source['REDIS_URL'] ?? 'redis://127.0.0.1:6379',
  };
}

/** A per-run prefix for schemas, topics and consumer groups, so runs never see each other. */
export function uniquePrefix(label = 't'): string {
  return `${label}${Date.now().toString(36)}${randomBytes(3).toString('hex')}`.toLowerCase();
}

/** Polls until `probe` returns a value that is not undefined, or fails after the timeout. */
export async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 30000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
}

const ISSUER = 'sunshine-test';
const AUDIENCE = 'sunshine';

/** A throw-away signing key: fixtures trust it, tests sign staff tokens with it. */
export class SigningKeys {
  private constructor(
    private readonly privateKeyPem: string,
    private readonly publicKeyFile: string,
  ) {}

  static async create(): Promise<SigningKeys> {
    const pair = await generateDevKeyPair();
    const file = join(mkdtempSync(join(tmpdir(), 'sunshine-keys-')), 'public.pem');
    writeFileSync(file, pair.publicKeyPem);
    return new SigningKeys(pair.privateKeyPem, file);
  }

  token(claims: StaffClaims): Promise<string> {
    return issueStaffToken(claims, { privateKeyPem: this.privateKeyPem, issuer: ISSUER, audience: AUDIENCE });
  }

  env(): Record<string, string> {
    return { AUTH_PUBLIC_KEY_FILE: this.publicKeyFile, AUTH_ISSUER: ISSUER, AUTH_AUDIENCE: AUDIENCE };
  }
}
