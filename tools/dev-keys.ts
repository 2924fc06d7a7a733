import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';

import { generateDevKeyPair } from '@sunshine/platform';

/** Creates the local dev signing key pair and intake's encryption keys under .local/keys, once. */
async function main(): Promise<void> {
  const dir = '.local/keys';
  mkdirSync(dir, { recursive: true });
  if (!existsSync(`${dir}/private.pem`)) {
    const pair = await generateDevKeyPair();
    writeFileSync(`${dir}/public.pem`, pair.publicKeyPem);
    writeFileSync(`${dir}/private.pem`, pair.privateKeyPem, { mode: 0o600 });
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
