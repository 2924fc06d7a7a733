import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';

import { eventPublicKeyFile, generateDevKeyPair, generateEventKeyPair, ServiceNames, servicePublicKeyFile } from '@sunshine/platform';

/**
 * Creates, once, under .local/keys (git-ignored): the staff signing key pair (private.pem: the dev token CLI and the
 * development sign-in only, never a service), each service's own key pair for the tokens it calls others with
 * (services/<name>.pem public = AUTH_SERVICE_KEYS_DIR, service-signing/<name>.pem private = that service's
 * SERVICE_SIGNING_KEY_FILE), each service's own Ed25519 event key (events/<name>.pem public = EVENT_KEYS_DIR,
 * event-signing/<name>.pem private = that service's EVENT_SIGNING_KEY_FILE) and intake's encryption keys.
 */
async function main(): Promise<void> {
  const dir = '.local/keys';
  mkdirSync(dir, { recursive: true });
  if (!existsSync(`${dir}/private.pem`)) {
    const pair = await generateDevKeyPair();
    writeFileSync(`${dir}/public.pem`, pair.publicKeyPem);
    writeFileSync(`${dir}/private.pem`, pair.privateKeyPem, { mode: 0o600 });
  }
  mkdirSync(`${dir}/services`, { recursive: true });
  mkdirSync(`${dir}/service-signing`, { recursive: true, mode: 0o700 });
  for (const service of ServiceNames) {
    const own = `${dir}/service-signing/${service}.pem`;
    if (existsSync(own) && existsSync(servicePublicKeyFile(`${dir}/services`, service))) continue;
    const pair = await generateDevKeyPair();
    writeFileSync(servicePublicKeyFile(`${dir}/services`, service), pair.publicKeyPem);
    writeFileSync(own, pair.privateKeyPem, { mode: 0o600 });
  }
  mkdirSync(`${dir}/events`, { recursive: true });
  mkdirSync(`${dir}/event-signing`, { recursive: true, mode: 0o700 });
  for (const service of ServiceNames) {
    const own = `${dir}/event-signing/${service}.pem`;
    if (existsSync(own) && existsSync(eventPublicKeyFile(`${dir}/events`, service))) continue;
    const pair = generateEventKeyPair();
    writeFileSync(eventPublicKeyFile(`${dir}/events`, service), pair.publicKeyPem);
    writeFileSync(own, pair.privateKeyPem, { mode: 0o600 });
  }
  if (!existsSync(`${dir}/intake.env`)) {
    writeFileSync(
      `${dir}/intake.env`,
      `PII_KEYS=k1:${randomBytes(32).toString('base64')}\nPII_CURRENT_KEY=k1\nBLIND_INDEX_KEY=${randomBytes(32).toString('base64')}\n`,
      { mode: 0o600 },
    );
  }
  process.stdout.write(`dev keys in ${dir}\n`);
}

void main();
