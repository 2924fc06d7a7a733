import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import {
  eventPublicKeyFile,
  EventSigner,
  generateDevKeyPair,
  generateEventKeyPair,
  issueServiceToken,
  issueStaffToken,
  type ServiceName,
  ServiceNames,
  servicePublicKeyFile,
  type SignedMessage,
  type StaffClaims,
} from '@sunshine/platform';

export const TEST_ISSUER = 'sunshine-test';
export const TEST_AUDIENCE = 'sunshine';
/** The lifetime of test tokens unless a test names one. */
export const TEST_TOKEN_LIFETIME = '1h';

/**
 * Throw-away keys for one test run: the staff key (tokens for staff of any unit: tests and the dev sign-in only) and each
 * service's own key pair (the service signs its calls to others with it; verifiers accept from it only that service's
 * own service token). A service is given its own private key and never the staff one (env(service)). And each service's
 * own event key (EVENT_SIGNING_KEY_FILE; the public halves in EVENT_KEYS_DIR), with which tests that put events on
 * Kafka by hand sign them as the producing service (eventSignature, through signedMessage in test-run-io.ts).
 */
export class TestKeys {
  private constructor(
    readonly publicKeyPem: string,
    private readonly privateKeyPem: string,
    readonly publicKeyFile: string,
    readonly privateKeyFile: string,
    /** AUTH_SERVICE_KEYS_DIR: `<service>.pem`, the services' public keys. */
    readonly serviceKeysDir: string,
    private readonly servicePrivateKeys: ReadonlyMap<ServiceName, { readonly pem: string; readonly file: string }>,
    /** EVENT_KEYS_DIR: `<service>.pem`, the services' event public keys. */
    readonly eventKeysDir: string,
    private readonly eventSigners: ReadonlyMap<ServiceName, { readonly signer: EventSigner; readonly file: string }>,
  ) {}

  static async create(): Promise<TestKeys> {
    const pair = await generateDevKeyPair();
    const dir = mkdtempSync(join(tmpdir(), 'sunshine-keys-'));
    const file = join(dir, 'public.pem');
    const privateFile = join(dir, 'private.pem');
    writeFileSync(file, pair.publicKeyPem);
    writeFileSync(privateFile, pair.privateKeyPem, { mode: 0o600 });
    const publicDir = join(dir, 'services');
    const signingDir = join(dir, 'service-signing');
    mkdirSync(publicDir);
    mkdirSync(signingDir, { mode: 0o700 });
    const servicePrivateKeys = new Map<ServiceName, { pem: string; file: string }>();
    for (const service of ServiceNames) {
      const own = await generateDevKeyPair();
      writeFileSync(servicePublicKeyFile(publicDir, service), own.publicKeyPem);
      const ownFile = join(signingDir, `${service}.pem`);
      writeFileSync(ownFile, own.privateKeyPem, { mode: 0o600 });
      servicePrivateKeys.set(service, { pem: own.privateKeyPem, file: ownFile });
    }
    const eventKeysDir = join(dir, 'events');
    const eventSigningDir = join(dir, 'event-signing');
    mkdirSync(eventKeysDir);
    mkdirSync(eventSigningDir, { mode: 0o700 });
    const eventSigners = new Map<ServiceName, { signer: EventSigner; file: string }>();
    for (const service of ServiceNames) {
      const own = generateEventKeyPair();
      writeFileSync(eventPublicKeyFile(eventKeysDir, service), own.publicKeyPem);
      const ownFile = join(eventSigningDir, `${service}.pem`);
      writeFileSync(ownFile, own.privateKeyPem, { mode: 0o600 });
      eventSigners.set(service, { signer: EventSigner.fromPem(service, own.privateKeyPem), file: ownFile });
    }
    return new TestKeys(
      pair.publicKeyPem,
      pair.privateKeyPem,
      file,
      privateFile,
      publicDir,
      servicePrivateKeys,
      eventKeysDir,
      eventSigners,
    );
  }

  /**
   * A staff token living `expiresIn` (default one hour: within the services' test maximum of 8 h, and long enough for
   * a suite that signs once in beforeAll; a world that keeps tokens for a whole run renews them, see MatrixWorld). The
   * 15-minute production rule is tested with explicit lifetimes (libs/platform token-rules.spec.ts).
   */
  token(claims: StaffClaims, expiresIn: string | number = TEST_TOKEN_LIFETIME): Promise<string> {
    return issueStaffToken(claims, { privateKeyPem: this.privateKeyPem, issuer: TEST_ISSUER, audience: TEST_AUDIENCE, expiresIn });
  }

  /** `service`'s own service token, signed with its own key, as the running service signs it. */
  serviceToken(service: ServiceName): Promise<string> {
    return issueServiceToken(service, { privateKeyPem: this.servicePrivateKey(service).pem, issuer: TEST_ISSUER, audience: TEST_AUDIENCE });
  }

  /** The PKCS#8 file of `service`'s own signing key (its SERVICE_SIGNING_KEY_FILE). */
  servicePrivateKeyFile(service: ServiceName): string {
    return this.servicePrivateKey(service).file;
  }

  /** The PKCS#8 file of `service`'s own event key (its EVENT_SIGNING_KEY_FILE). */
  eventSigningKeyFile(service: ServiceName): string {
    return this.eventSigner(service).file;
  }

  /** The `event-signer` and `event-signature` headers `service`'s relay puts on this message (`topic` without the run's prefix). */
  eventSignature(service: string, message: SignedMessage): Record<string, string> {
    return this.eventSigner(service).signer.headers(message);
  }

  private eventSigner(service: string): { readonly signer: EventSigner; readonly file: string } {
    const key = this.eventSigners.get(service as ServiceName);
    if (!key) throw new Error(`no event key for ${service}`);
    return key;
  }

  /**
   * Environment entries that make a service trust these keys (the staff public key, the services' token and event public
   * keys: every consumer verifies the events it applies), and
   * with `service` named, that service's own signing keys (tokens, events): never the staff private key.
   */
  env(service?: ServiceName): Record<string, string> {
    return {
      AUTH_PUBLIC_KEY_FILE: this.publicKeyFile,
      AUTH_SERVICE_KEYS_DIR: this.serviceKeysDir,
      EVENT_KEYS_DIR: this.eventKeysDir,
      AUTH_ISSUER: TEST_ISSUER,
      AUTH_AUDIENCE: TEST_AUDIENCE,
      ...(service
        ? { SERVICE_SIGNING_KEY_FILE: this.servicePrivateKeyFile(service), EVENT_SIGNING_KEY_FILE: this.eventSigningKeyFile(service) }
        : {}),
    };
  }

  private servicePrivateKey(service: ServiceName): { readonly pem: string; readonly file: string } {
    const key = this.servicePrivateKeys.get(service);
    if (!key) throw new Error(`no signing key for ${service}`);
    return key;
  }
}
